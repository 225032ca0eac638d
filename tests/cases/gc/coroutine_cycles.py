# Coroutines and async generators holding themselves.
import gc
import weakref

gc.disable()
gc.collect()


class Pause:
    def __await__(self):
        yield "paused"


log = []


async def co(box):
    try:
        await Pause()
    finally:
        log.append("co finally")


box = []
c = co(box)
box.append(c)
print(c.send(None))
r = weakref.ref(c)
del c, box
print(r() is not None, log)
gc.collect()
print(r() is None, log)


async def agen():
    try:
        yield 1
    finally:
        log.append("agen finally")


holder = []
a = agen()
holder.append(a)
try:
    a.asend(None).send(None)
except StopIteration as e:
    print("yielded", e.value)
holder.append(holder)
ra = weakref.ref(a)
del a, holder
gc.collect()
print(ra() is None, log)
