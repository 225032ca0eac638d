# Finalizers that create new cycles and new finalizable objects while the
# collector runs: the new garbage waits for the next collection.
import gc
import weakref

gc.disable()
gc.collect()

log = []
refs = []


class Spawner:
    __slots__ = ("me", "depth", "__weakref__")

    def __init__(self, depth):
        self.depth = depth

    def __del__(self):
        log.append(("del", self.depth))
        if self.depth < 3:
            child = Spawner(self.depth + 1)
            child.me = child
            refs.append(weakref.ref(child))


s = Spawner(0)
s.me = s
del s
for i in range(5):
    print(i, gc.collect(), log)
print([r() is None for r in refs])

log.clear()


class Chain:
    def __del__(self):
        big = [[] for _ in range(10)]
        for x in big:
            x.append(big)


objs = [Chain() for _ in range(3)]
objs.append(objs)
del objs
print(gc.collect() > 0)
print(gc.collect())
