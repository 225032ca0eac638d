class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print('Meta.__new__', name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print('Meta.__init__', name)
        super().__init__(name, bases, ns)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
class A(metaclass=Meta, flag=True):
    x = 1
    def m(self):
        return 2
print(A.injected, type(A).__name__)
class B(A):
    pass
print(type(B).__name__)
class P:
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)
class Q(P, k=1):
    pass
try:
    class R(object, k=1):
        pass
except TypeError as e:
    print(e)
class Desc:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
class Z:
    d = Desc()
try:
    class Bad(1):
        pass
except TypeError as e:
    print(e)
try:
    class Bad2(int, str):
        pass
except TypeError as e:
    print(e)
class M1(type): pass
class M2(type): pass
try:
    class C1(metaclass=M1): pass
    class C2(metaclass=M2): pass
    class C3(C1, C2): pass
except TypeError as e:
    print(e)
try:
    class D1: pass
    class D2(D1): pass
    class D3(D1, D2): pass
except TypeError as e:
    print(e)
class O:
    __slots__ = ('a',)
try:
    O().b = 1
except AttributeError as e:
    print(e)
try:
    class SS:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print(e)
print(A.__qualname__, B.__mro__)
def f():
    class Inner:
        pass
    return Inner
print(f().__qualname__)
