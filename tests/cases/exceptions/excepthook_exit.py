import sys
def hook(t, v, tb):
    print("hook:", t.__name__, v)
    sys.__excepthook__(t, v, tb)
    sys.exit(7)
sys.excepthook = hook
def f():
    return {}["missing"]
f()
