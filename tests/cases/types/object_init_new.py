def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r) if not isinstance(r, object.__class__) else r.__name__)
class OnlyNew:
    def __new__(cls, *a):
        return object.__new__(cls)
t(lambda: type(OnlyNew(1, 2)).__name__)
class OnlyInit:
    def __init__(self, *a):
        pass
t(lambda: type(OnlyInit(1, 2)).__name__)
t(lambda: type(object.__new__(OnlyInit, 1)).__name__)
t(lambda: object.__init__(OnlyNew(), 1))
t(lambda: object.__new__(OnlyNew, 1).__class__)
t(lambda: object.__new__(list))
t(lambda: object.__new__(dict).__class__)
t(lambda: object.__new__(type))
t(lambda: int.__new__(str))
t(lambda: list.__new__(tuple))
t(lambda: object.__new__())
class Ret:
    def __new__(cls):
        return 5
    def __init__(self):
        print('not called')
t(lambda: Ret())
class Abs:
    __abstractmethods__ = frozenset(['x'])
import abc
class AB(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @abc.abstractmethod
    def g(self): ...
t(lambda: AB())
class IR:
    def __init__(self):
        return 1
t(lambda: IR())
