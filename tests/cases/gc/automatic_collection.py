# With the collector enabled, allocating many tracked objects triggers
# collections on its own; disabled, it does not.
import gc
import weakref

gc.collect()
gc.enable()
gc.set_threshold(100, 10, 10)

phases = []


def cb(phase, info):
    if phase == "stop":
        phases.append(info["generation"])


gc.callbacks.append(cb)


class A:
    __slots__ = ("me", "__weakref__")


refs = []
for i in range(5000):
    a = A()
    a.me = a
    refs.append(weakref.ref(a))
del a
print("automatic collections ran", len(phases) > 0)
print("generation 0 collected", 0 in phases)
print("most cycles freed", sum(r() is None for r in refs) > 4000)

gc.disable()
gc.collect()
phases.clear()
refs.clear()
for i in range(5000):
    a = A()
    a.me = a
    refs.append(weakref.ref(a))
del a
print("disabled: no collections", phases)
print("disabled: cycles alive", sum(r() is not None for r in refs))
gc.collect()
print("after collect", sum(r() is not None for r in refs))
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
