print("tab\tend", "newline\\n", "quote\"", 'single\'', "bell\a".encode(), "\x41\u0042\U00000043\101")
print(r"raw \n stays", rb"raw\bytes", len("\N{BULLET}"), "\N{BULLET}")
print("""triple "quoted" string""", '''another 'one' ''')
print("implicit" " concatenation" ' works', f"and {'f' 'strings'}")
print("line1\
 continued")
print(len("\r\n"), "\0" == "\x00", "\u00e9" == "é", "\777" if False else "")
