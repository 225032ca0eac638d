import sys
class C:
    pass
x = C()
base = sys.getrefcount(x)
y = x
print(sys.getrefcount(x) - base)
lst = [x, x, x]
print(sys.getrefcount(x) - base)
del lst, y
print(sys.getrefcount(x) - base)
def f(a):
    return sys.getrefcount(a) - base
print(f(x))
obj = object()
print(sys.getrefcount(obj))
d = {"k": obj}
print(sys.getrefcount(obj))
t = (obj,)
print(sys.getrefcount(obj))
