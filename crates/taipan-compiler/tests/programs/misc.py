x = [1, 2, 3]
t = (1, 2, 3)
s = {1, 2, 3}
d = {"a": 1, "b": 2}
d2 = {**a, "b": 2}
l = [*a, *b]
sl = x[1:2]
sl2 = x[::2]
c = a < b < c
c2 = a == b
assert x, "msg"
assert y
lam = lambda a, b=2: a + b
n = None
if (y := f()):
    pass
e = ...
b = b"bytes"
big = 12345678901234567890
