# Classes made by a metaclass, metaclasses themselves, and instances that
# point back to their class.
import gc
import weakref

gc.disable()
gc.collect()


class Meta(type):
    registry = []

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.me = cls
        return cls


class A(metaclass=Meta):
    pass


class B(A):
    pass


ra = weakref.ref(A)
rb = weakref.ref(B)
b = B()
b.cls = B
del A, B, b
print(ra() is not None, rb() is not None)
gc.collect()
print(ra() is None, rb() is None)


def make_meta():
    class M(type):
        pass

    class K(metaclass=M):
        pass

    return weakref.ref(M), weakref.ref(K)


rm, rk = make_meta()
print(rm() is not None, rk() is not None)
gc.collect()
print(rm() is None, rk() is None)
print(len(Meta.registry))
