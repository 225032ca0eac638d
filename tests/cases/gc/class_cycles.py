# A class is always in a cycle (its __mro__ holds it): deleting it frees it
# only at the next collection.
import gc
import weakref

gc.disable()
gc.collect()


class C:
    pass


r = weakref.ref(C)
del C
print(r() is not None)
gc.collect()
print(r() is None)


def make():
    class Local:
        def method(self):
            return Local

    return Local


refs = [weakref.ref(make()) for _ in range(10)]
print(sum(x() is not None for x in refs))
gc.collect()
print(sum(x() is not None for x in refs))

D = type("D", (), {"x": 1})
inst = D()
inst.cls = D
rd = weakref.ref(D)
ri = weakref.ref(inst)
del D, inst
gc.collect()
print(rd() is None, ri() is None)
