# A __del__ that raises: "Exception ignored in" is printed through
# sys.unraisablehook's default and the collection goes on.
import gc
import io
import sys

gc.disable()
gc.collect()


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


class Bad:
    __slots__ = ("me", "name")

    def __init__(self, name):
        self.name = name

    def __del__(self):
        raise ValueError("bad " + self.name)


err = io.StringIO()
old = sys.stderr
sys.stderr = err
b = Bad("refcount")
del b
c = Bad("cycle")
c.me = c
d = Bad("cycle2")
d.me = [d]
del c, d
n = gc.collect()
sys.stderr = old
print("collected", n)
print(scrub(err.getvalue()), end="")

seen = []


def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.object.__qualname__))


sys.unraisablehook = hook
e = Bad("hooked")
e.me = e
del e
print(gc.collect())
print(seen)
sys.unraisablehook = sys.__unraisablehook__
