x = None
print(x, repr(x), str(x), type(x), x is None, bool(x))
print(type(None)() is None, None.__class__.__name__)
def f():
    pass
print(f(), f() is None)
try:
    None.foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    n = None
    n()
except TypeError as e:
    print(type(e).__name__, e)
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
print(hash(None) == hash(None), None == 0, [None] * 3)
