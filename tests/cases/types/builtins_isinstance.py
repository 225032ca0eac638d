def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
t(lambda: isinstance(1, int))
t(lambda: isinstance(True, int))
t(lambda: isinstance(1, (str, (float, int))))
t(lambda: isinstance(1, int | str))
t(lambda: isinstance(1, 1))
t(lambda: isinstance(1, (int, 1)))
t(lambda: isinstance(1, (1, int)))
t(lambda: isinstance(1))
t(lambda: isinstance(1, list[int]))
t(lambda: issubclass(bool, int))
t(lambda: issubclass(int, (str, object)))
t(lambda: issubclass(1, int))
t(lambda: issubclass(int, 1))
t(lambda: issubclass(int, int | None))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 42
    def __subclasscheck__(cls, sub):
        return sub is str
class M(metaclass=Meta):
    pass
t(lambda: isinstance(42, M))
t(lambda: isinstance(43, M))
t(lambda: issubclass(str, M))
t(lambda: issubclass(int, M))
t(lambda: isinstance(M(), M))
class Fake:
    __bases__ = ()
t(lambda: issubclass(Fake(), int))
class Fake2:
    __class__ = int
t(lambda: isinstance(Fake2(), int))
import collections.abc
t(lambda: isinstance([], collections.abc.Sequence))
t(lambda: issubclass(dict, collections.abc.Mapping))
t(lambda: isinstance({}.keys(), collections.abc.Set))
t(lambda: isinstance(range(1), collections.abc.Sequence))
t(lambda: issubclass(type(iter([])), collections.abc.Iterator))
t(lambda: isinstance(1, ()))
