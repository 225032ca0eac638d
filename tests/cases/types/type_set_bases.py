class A:
    def f(self): return 'A'
class B:
    def f(self): return 'B'
    def __len__(self): return 7
class C(A): pass
class D(C): pass
c = D()
print(c.f(), D.__mro__)
C.__bases__ = (B,)
print(c.f(), len(c), D.__mro__, A.__subclasses__(), B.__subclasses__())
try:
    C.__bases__ = (D,)
except TypeError as e: print(e)
try:
    C.__bases__ = ()
except TypeError as e: print(e)
try:
    C.__bases__ = [A]
except TypeError as e: print(e)
try:
    C.__bases__ = (1,)
except TypeError as e: print(e)
try:
    del C.__bases__
except TypeError as e: print(e)
class S:
    __slots__ = ('a',)
try:
    C.__bases__ = (S,)
except TypeError as e: print(e)
try:
    C.__bases__ = (A, B)
    print(C.__mro__, c.f())
except TypeError as e: print(e)
class T(tuple): pass
class T2(tuple): pass
T.__bases__ = (T2,)
print(T.__mro__)
print(int.__subclasses__()[:1], object.__flags__, int.__flags__ , type.__flags__, T.__flags__)
class M(type): pass
print(M.__basicsize__, M.__itemsize__, T.__basicsize__, T.__itemsize__, T.__dictoffset__, T.__weakrefoffset__)
class N:
    __slots__=('a','b','__dict__')
print(N.__basicsize__, N.__dictoffset__, N.__weakrefoffset__)
import sys; print(sys.getsizeof(N), sys.getsizeof(M), type.__sizeof__(T))
class E(Exception): pass
print(E.__dictoffset__, E.__weakrefoffset__, E.__flags__)
