x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
a = [1, 2, 3, 4]
del a[0], a[-1]
print(a)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class C:
    pass
c = C()
c.attr = 1
del c.attr
try:
    del c.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
def f():
    y = 1
    del y
    return y
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
