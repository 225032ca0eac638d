class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ("b",)
b = B()
b.a, b.b = 1, 2
print(b.a, b.b, [s for c in type(b).__mro__ for s in getattr(c, "__slots__", ())])
try:
    b.c = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    class C(int):
        __slots__ = ("x",)
except TypeError as e:
    print(type(e).__name__, e)
class D:
    __slots__ = ()
try:
    D().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(type(A.__dict__["a"]).__name__, A.a.__name__, A.a.__objclass__.__name__)
