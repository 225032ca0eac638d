def level1():
    level2()
def level2():
    x = "local in level2"
    raise ValueError("trace me")
try:
    level1()
except ValueError as e:
    tb = e.__traceback__
    while tb:
        fr = tb.tb_frame
        print(fr.f_code.co_name, tb.tb_lineno, fr.f_lineno, "x" in fr.f_locals)
        last = tb
        tb = tb.tb_next
    print(last.tb_frame.f_locals["x"], last.tb_frame.f_back.f_code.co_name)
