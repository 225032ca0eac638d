# Programs that used to corrupt memory: an mro() naming a base with another
# instance layout, __new__ borrowed from a type of another layout, and an
# MRO replaced in the middle of a type lookup (CPython's bpo-14199 test).
class _metaclass(type):
    def mro(self):
        return [self, dict, object]
try:
    class X(object, metaclass=_metaclass):
        pass
except TypeError as e:
    print("TypeError", e)
class Empty(type):
    def mro(self):
        return []
try:
    class Y(metaclass=Empty):
        pass
except TypeError as e:
    print("TypeError", e)
class NonClass(type):
    def mro(self):
        return [self, 1]
try:
    class Z(metaclass=NonClass):
        pass
except TypeError as e:
    print("TypeError", e)
class Rev(type):
    def mro(cls):
        L = type.mro(cls)
        L.reverse()
        return L
class A:
    def f(self): return "A"
class B(A):
    def f(self): return "B"
class W(B, metaclass=Rev):
    pass
print([c.__name__ for c in W.__mro__], W().f())

class C(object):
    __new__ = list.__new__
print(type(C()).__name__)
class D(list):
    __new__ = object.__new__
print(D(), type(D()).__name__)
for bad in [lambda: list.__new__(object), lambda: object.__new__(list), lambda: list.__new__(),
            lambda: list.__new__(1), lambda: dict.__new__(list)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

class MyKey(object):
    def __hash__(self):
        return hash('mykey')
    def __eq__(self, other):
        Xt.__bases__ = (Base2,)
class Base(object):
    mykey = 'from Base'
    mykey2 = 'from Base'
class Base2(object):
    mykey = 'from Base2'
    mykey2 = 'from Base2'
Xt = type('Xt', (Base,), {MyKey(): 5})
print(Xt.mykey, Xt.mykey2)
