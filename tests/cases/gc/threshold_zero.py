# set_threshold(0) turns automatic collection off even when enabled.
import gc
import weakref

gc.collect()
gc.enable()
gc.set_threshold(0)


class A:
    __slots__ = ("me", "__weakref__")


refs = []
for i in range(3000):
    a = A()
    a.me = a
    refs.append(weakref.ref(a))
del a
print(gc.isenabled(), sum(r() is not None for r in refs))
print(gc.collect())
print(sum(r() is not None for r in refs))
gc.set_threshold(700, 10, 10)
