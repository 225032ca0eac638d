# Cycles that pass only through functions and tuples: the collector breaks
# them with the function's tp_clear (func_clear).
import gc
import weakref

gc.disable()
gc.collect()


def make(kind):
    def f(a=None, *, b=None):
        return a

    if kind == "defaults":
        f.__defaults__ = (f,)
    elif kind == "doc":
        f.__doc__ = (f,)
    elif kind == "module":
        f.__module__ = (f, 1)
    elif kind == "kwdefaults":
        f.__kwdefaults__ = {"b": (f,)}
    elif kind == "annotations":
        f.__annotations__ = {"a": (f,)}
    elif kind == "pair":
        def g(x=f):
            return x

        f.__defaults__ = (g,)
    return f


for kind in ["defaults", "doc", "module", "kwdefaults", "annotations", "pair"]:
    f = make(kind)
    r = weakref.ref(f)
    del f
    n = gc.collect()
    print(kind, "freed", r() is None, "collected", n)


# A str subclass name that refers back to the function.
class Name(str):
    pass


def h():
    pass


h.__name__ = Name("h")
h.__name__.owner = h
h.__qualname__ = Name("hq")
rh = weakref.ref(h)
del h
print("name cycle collected", gc.collect(), rh() is None)

# A finalizer that sees the function after the collector cleared it.
seen = []


class Probe:
    def __del__(self):
        seen.append(self.f.__defaults__ is None or type(self.f.__defaults__).__name__)


def k(p=None):
    return p


p = Probe()
p.f = k
k.__defaults__ = (p,)
del p, k
print("probe collected", gc.collect() > 0, seen)
