import sys
def f(a, b=2):
    c = a + b
    loc = sys._getframe().f_locals
    print(sorted(loc.items()))
    d = 4
    print(sorted(sys._getframe().f_locals))
    return locals()
print(f(1))
def closure():
    x = 1
    def inner():
        y = x
        return sys._getframe().f_locals
    return inner()
print(closure())
def modifies():
    v = 1
    sys._getframe().f_locals["v"] = 99
    return v
print(modifies())
class C:
    a = 1
    here = dict(sys._getframe().f_locals)
print(sorted(C.here))
