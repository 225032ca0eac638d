# staticmethod, classmethod, property and functools.partial objects in
# cycles.
import functools
import gc
import weakref

gc.disable()
gc.collect()


def f(x=None):
    return x


sm = staticmethod(f)
f.__defaults__ = ([sm],)
rf = weakref.ref(f)
del f, sm
gc.collect()
print("staticmethod", rf() is None)


def g(cls):
    return cls


cm = classmethod(g)
g.cm = cm
rg = weakref.ref(g)
del g, cm
gc.collect()
print("classmethod", rg() is None)


def getter(self):
    return 1


p = property(getter)
getter.prop = p
rp = weakref.ref(getter)
del getter, p
gc.collect()
print("property", rp() is None)


def h(*args):
    return len(args)


box = []
part = functools.partial(h, box)
box.append(part)
print(part(1, 2))
rh = weakref.ref(h)
del h, part, box
gc.collect()
print("partial", rh() is None)
