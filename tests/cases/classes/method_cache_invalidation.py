# Attribute lookups stay right when classes change (the method cache and its
# invalidation through subclasses), and the int/float fast paths of the loop.
class A:
    x = 1
    def m(self): return "A.m"
class B(A):
    pass
class C(B):
    pass
c = C()
print(c.x, c.m())
A.x = 2
print(c.x, C.x, B.x)
def m2(self): return "new m"
A.m = m2
print(c.m())
B.m = lambda self: "B.m"
print(c.m(), A().m())
del B.m
print(c.m())
C.__doc__ = "doc"
print(C.__doc__, B.__doc__)
class Meta(type):
    def mro(cls):
        return (cls, A, object)
class D(metaclass=Meta):
    pass
print(D().x, D.__mro__ == (D, A, object))
A.x = 5
c.x = 10
print(c.x, C.x)
del c.x
print(c.x)
print(1 + 2, 7 // -2, -7 // 2, 7 % -2, -7 % 2, 2**62 * 4, 9223372036854775807 + 1, -9223372036854775808 // -1)
print(1.5 + 2, 3 * 0.5, 1 / 4.0, 2.0 - 1, 3 < 4, 3.0 < 4.0, float('nan') == float('nan'), float('nan') != float('nan'))
try:
    1 // 0
except ZeroDivisionError as e: print(e)
try:
    1.0 / 0
except ZeroDivisionError as e: print(e)
try:
    5 % 0
except ZeroDivisionError as e: print(e)
print(True + True, 5 - True, 10 & 6, 10 | 6, 10 ^ 6, (2**53+1) + 0.0, 2**60 * 1.0)
x = 5; x += 3; x *= 2; x -= 1; x //= 2; x %= 5; print(x)
def deep(n): return 0 if n == 0 else 1 + deep(n - 1)
print(deep(500))
class WithDel:
    def __del__(self): print("del", sum(range(3)))
def f():
    w = WithDel()
    return 1
print(f())
