# getweakrefcount / getweakrefs before and after the referent's cycle is
# collected.
import gc
import weakref

gc.disable()
gc.collect()


class A:
    pass


a = A()
a.me = a
r1 = weakref.ref(a)
r2 = weakref.ref(a, lambda r: None)
r3 = weakref.ref(a)
print(weakref.getweakrefcount(a), r1 is r3, len(weakref.getweakrefs(a)))
w = weakref.getweakrefs(a)
print(sorted(type(x).__name__ for x in w))
del w, a
gc.collect()
print(r1(), r2(), r3())
print(weakref.getweakrefcount(A()), weakref.getweakrefcount(1))
