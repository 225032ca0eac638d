class A:
    def method(self): pass
    attribute_with_long_name = 1
def show(e):
    print(type(e).__name__, e, getattr(e, "name", None))
try:
    from sys import getrecursionlimt
except ImportError as e:
    print(e)
try:
    A().metod
except AttributeError as e:
    show(e)
    print(type(e.obj).__name__)
try:
    A.metod
except AttributeError as e:
    show(e)
def f():
    somevar = 1
    return somevr
try:
    f()
except NameError as e:
    show(e)
class B(AttributeError):
    pass
class C:
    def __getattr__(self, name):
        raise B(name)
try:
    C().method
except AttributeError as e:
    show(e)
# An uncaught AttributeError on a long, close name.
A().attribute_with_lon_name
