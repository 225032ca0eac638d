for b in range(256):
    x = bytes([b])
    print(b, x, x.isalnum(), x.isalpha(), x.isdigit(), x.isspace(), x.islower(), x.isupper(), x.istitle(), x.upper(), x.lower(), x.swapcase(), x.title(), x.capitalize(), x.split(), x.strip(), x.splitlines(), bytearray(x))
