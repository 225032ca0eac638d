# The debug flags (DEBUG_STATS left out: it prints timings), with
# DEBUG_COLLECTABLE's report captured and its addresses blanked.
import gc
import io
import sys

gc.disable()
gc.collect()


def scrub(text):
    out = []
    i = 0
    while i < len(text):
        if text.startswith("0x", i):
            out.append("0xADDR")
            i += 2
            while i < len(text) and text[i] in "0123456789abcdef":
                i += 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE)
print(gc.get_debug())
buf = io.StringIO()
sys.stderr = buf
a = []
a.append(a)
del a
n = gc.collect()
sys.stderr = sys.__stderr__
print(n)
print(scrub(buf.getvalue()), end="")
gc.set_debug(gc.DEBUG_LEAK)
print(gc.get_debug() == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
buf = io.StringIO()
sys.stderr = buf
d = {}
d["d"] = d
del d
n = gc.collect()
sys.stderr = sys.__stderr__
gc.set_debug(0)
print(n, len(gc.garbage), type(gc.garbage[0]).__name__)
print(scrub(buf.getvalue()), end="")
gc.garbage.clear()
try:
    gc.set_debug("x")
except TypeError as e:
    print("TypeError:", e)
