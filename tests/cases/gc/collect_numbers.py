# The numbers gc.collect() returns for structures whose size is known.
import gc

gc.disable()
gc.collect()


class S:
    __slots__ = ("a", "b")


def cycle_of(n, make):
    objs = [make() for _ in range(n)]
    for i, o in enumerate(objs):
        if type(o) is list:
            o.append(objs[i - 1])
        elif type(o) is dict:
            o["p"] = objs[i - 1]
        else:
            o.a = objs[i - 1]


for n in (1, 2, 7, 64):
    cycle_of(n, list)
    print("lists", n, gc.collect())
for n in (1, 3, 50):
    cycle_of(n, dict)
    print("dicts", n, gc.collect())
for n in (1, 5):
    cycle_of(n, S)
    print("slots", n, gc.collect())

l = []
l.append(l)
l.append((1, 2))
l.append({"a": 1})
l.append([[], []])
del l
print("with children", gc.collect())

keep = []
for i in range(10):
    x = []
    x.append(x)
    if i % 3 == 0:
        keep.append(x)
del x
print("some kept", gc.collect())
print(gc.collect(0), gc.collect(1), gc.collect(2))
