# A __del__ that calls gc.collect() while a collection runs gets 0 back (the
# collector does not re-enter); one running outside a collection collects.
import gc

gc.disable()
gc.collect()

log = []


class C:
    __slots__ = ("me", "name")

    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append((self.name, gc.collect()))


c = C("in cycle")
c.me = c
del c
print(gc.collect())
print(log)

log.clear()
junk = []
junk.append(junk)
del junk
d = C("by refcount")
del d
print(log)
print(gc.collect())
