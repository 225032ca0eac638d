# get_objects: every tracked object, never an atomic one; generation
# argument checks.
import gc

gc.disable()
gc.collect()
x = []
big = 10**50
s = "not tracked"
objs = gc.get_objects()
print(any(o is x for o in objs))
print(any(o is big for o in objs), any(o is s for o in objs))
del objs
for g in (-2, 3, "0"):
    try:
        gc.get_objects(generation=g)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(type(gc.get_objects(None)).__name__)
print(all(gc.is_tracked(o) for o in gc.get_objects(generation=0)))
