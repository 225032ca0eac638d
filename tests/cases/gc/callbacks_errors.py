# A gc callback that raises is reported as unraisable and the collection
# and the other callbacks go on; a callback that creates garbage or calls
# gc.collect() itself.
import gc
import sys

gc.disable()
gc.collect()

seen = []


def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), getattr(u.object, "__name__", None)))


sys.unraisablehook = hook


def bad(phase, info):
    raise RuntimeError("bad " + phase)


log = []


def good(phase, info):
    log.append((phase, info["generation"]))


gc.callbacks.extend([bad, good])
x = []
x.append(x)
del x
print(gc.collect())
print(seen)
print(log)
gc.callbacks.clear()

seen.clear()
log.clear()


def nested(phase, info):
    if phase == "stop":
        log.append(("nested collect", gc.collect()))


def makes_garbage(phase, info):
    if phase == "stop":
        y = []
        y.append(y)


gc.callbacks.extend([nested, makes_garbage])
gc.collect()
gc.callbacks.clear()
print(log)
print("later", gc.collect())
sys.unraisablehook = sys.__unraisablehook__
print(seen)
