# Weakref callbacks that create cycles, store their weakref, run
# gc.collect() or raise while the collector runs.
import gc
import io
import sys
import weakref

gc.disable()
gc.collect()

kept = []
log = []


class A:
    __slots__ = ("me", "__weakref__")


def keeper(ref):
    kept.append(ref)
    loop = []
    loop.append(loop)
    log.append(("keeper", ref() is None, gc.collect()))


a = A()
a.me = a
w = weakref.ref(a, keeper)
del a
print(gc.collect())
print(log, len(kept), kept[0]() is None)
print("cycle made by callback", gc.collect())


def scrub(text):
    out = []
    i = 0
    while i < len(text):
        if text.startswith(" at 0x", i):
            out.append(" at 0xADDR")
            i += 6
            while i < len(text) and text[i] in "0123456789abcdef":
                i += 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def raiser(ref):
    raise KeyError("from callback")


buf = io.StringIO()
sys.stderr = buf
b = A()
b.me = b
w2 = weakref.ref(b, raiser)
del b
print(gc.collect())
sys.stderr = sys.__stderr__
print(scrub(buf.getvalue()), end="")
print(w2())
