# is_finalized: true once an object's __del__ (tp_finalize) has run.
import gc

gc.disable()
gc.collect()

saved = []


class R:
    __slots__ = ("me",)

    def __del__(self):
        print("in __del__", gc.is_finalized(self))
        saved.append(self)


r = R()
print(gc.is_finalized(r))
del r
print("refcount", gc.is_finalized(saved[0]))
saved.clear()

r = R()
r.me = r
del r
gc.collect()
print("cycle", gc.is_finalized(saved[0]))
saved[0].me = None
saved.clear()
print(gc.is_finalized(1), gc.is_finalized([]))


class Plain:
    pass


print(gc.is_finalized(Plain()))
try:
    gc.is_finalized()
except TypeError as e:
    print("TypeError:", e)
