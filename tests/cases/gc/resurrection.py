# An object whose __del__ stores it somewhere survives the collection, its
# cycle is left intact, and it is freed later without a second __del__.
import gc
import weakref

gc.disable()
gc.collect()

saved = []
log = []


class R:
    __slots__ = ("peer", "__weakref__")

    def __del__(self):
        log.append("del")
        saved.append(self)


r = R()
r.peer = r
w = weakref.ref(r)
del r
n = gc.collect()
print("first", n, log, len(saved))
print("weakref cleared", w() is None)
obj = saved.pop()
print("cycle intact", obj.peer is obj)
del obj
print("second", gc.collect(), log)


class Partner:
    __slots__ = ("r",)


r = R()
p = Partner()
r.peer = p
p.r = r
del r, p
print("pair first", gc.collect(), len(saved))
print(type(saved[0].peer).__name__, saved[0].peer.r is saved[0])
saved.clear()
print("pair second", gc.collect(), log)
