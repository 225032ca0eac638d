a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c, None is None, True is not False)
x = ()
y = ()
print(x is y, type(None)() is None)
n256 = 256
print(int("5") is int("5"), n256 + 0 is n256, float("nan") is float("nan"))
def f():
    return []
print(f() is f())
s = {"k": a}
print(s["k"] is a, list(a) is a, a[:] is a, tuple((1, 2)) == (1, 2))
