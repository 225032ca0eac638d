# Survivors of a collection move to the next generation; get_objects(gen)
# lists a generation.
import gc

gc.disable()
gc.collect()


def where(obj):
    return [g for g in range(3) if any(o is obj for o in gc.get_objects(generation=g))]


x = [1, 2]
print(where(x))
gc.collect(0)
print(where(x))
gc.collect(1)
print(where(x))
gc.collect(0)
print(where(x))
y = []
gc.collect(1)
print(where(y))
gc.collect(2)
print(where(y))
print(any(o is x for o in gc.get_objects()))
