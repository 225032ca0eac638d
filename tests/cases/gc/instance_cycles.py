# Instances with a __dict__ in cycles, observed through weak references.
import gc
import weakref

gc.disable()
gc.collect()


class A:
    pass


a = A()
a.self = a
r = weakref.ref(a)
del a
print(r() is not None)
gc.collect()
print(r() is None)

objs = [A() for _ in range(50)]
for i, o in enumerate(objs):
    o.next = objs[(i + 1) % 50]
refs = [weakref.ref(o) for o in objs]
del objs, o
print(sum(r() is not None for r in refs))
gc.collect()
print(sum(r() is not None for r in refs))


class B(A):
    def __init__(self):
        self.items = [self]


b = B()
r = weakref.ref(b)
del b
gc.collect()
print(r() is None)
