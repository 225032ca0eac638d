# Module objects in cycles: a module whose namespace refers to itself, and a
# function whose globals are the module's dict.
import gc
import types
import weakref

gc.disable()
gc.collect()

m = types.ModuleType("mod")
m.me = m
r = weakref.ref(m)
del m
print(r() is not None)
gc.collect()
print(r() is None)

m = types.ModuleType("mod2")
exec("def f():\n    return 42\nvalue = [1]\n", m.__dict__)
print(m.f())
f = m.f
rm = weakref.ref(m)
rf = weakref.ref(f)
del m
print(rm() is None, f())
del f
gc.collect()
print(rf() is None)

m = types.ModuleType("mod3")
m.__dict__["mod"] = m
d = m.__dict__
del m
print(d["mod"].__name__)
del d
print(gc.collect() > 0)
