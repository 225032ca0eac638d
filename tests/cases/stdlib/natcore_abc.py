import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @property
    @abc.abstractmethod
    def p(self): pass
class B(A):
    def f(self): return 1
class C(B):
    p = 3
print(sorted(A.__abstractmethods__), sorted(B.__abstractmethods__), C.__abstractmethods__)
for k in (A, B):
    try: k()
    except TypeError as e: print(e)
print(C().f(), isinstance(C(), A), issubclass(C, A), issubclass(int, A))
class R: pass
A.register(R)
print(issubclass(R, A), isinstance(R(), A), issubclass(R, B))
try: A.register(1)
except TypeError as e: print(e)
try: R.register
except AttributeError as e: print("no register")
class H(abc.ABC):
    @classmethod
    def __subclasshook__(cls, o):
        return True if hasattr(o, 'quack') else NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, H), isinstance(Duck(), H), issubclass(int, H))
t = abc.get_cache_token(); H.register(int); print(abc.get_cache_token() == t + 1, issubclass(int, H))
try: issubclass(1, H)
except TypeError as e: print(e)
try: A.register(A) if False else B.register(A)
except RuntimeError as e: print(e)
H._abc_caches_clear(); H._abc_registry_clear(); print(issubclass(int, H))
print(len(H._abc_registry_clear.__name__))
class M(abc.ABCMeta): pass
class X(metaclass=M):
    @abc.abstractmethod
    def g(self): pass
print(type(X).__name__, list(X.__abstractmethods__), '_abc_impl' in X.__dict__)
