# PEP 442: every finalizer of the unreachable set runs before any of it is
# cleared, so each __del__ still sees the other objects intact.
import gc

gc.disable()
gc.collect()

seen = []


class F:
    def __init__(self, name):
        self.name = name
        self.data = [name] * 3

    def __del__(self):
        peer = self.peer
        seen.append((self.name, peer.name, list(peer.data)))


a = F("a")
b = F("b")
c = F("c")
a.peer = b
b.peer = c
c.peer = a
del a, b, c
gc.collect()
for row in sorted(seen):
    print(row)
print(gc.garbage)

seen.clear()
x = F("x")
x.peer = x
x.extra = [x]
del x
gc.collect()
print(seen)
