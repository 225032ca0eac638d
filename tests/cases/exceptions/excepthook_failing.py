import sys
print(sys.excepthook is sys.__excepthook__, sys.excepthook.__module__)
def hook(t, v, tb):
    print("hook got", t.__name__, v, tb.tb_lineno)
    raise RuntimeError("bad hook")
sys.excepthook = hook
raise ValueError("orig")
