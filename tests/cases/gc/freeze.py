# freeze moves every tracked object to a permanent generation that
# collections ignore; unfreeze puts them back in the oldest generation.
import gc

gc.disable()
gc.collect()
gc.unfreeze()
print(gc.get_freeze_count())
a = []
a.append(a)
gc.freeze()
print(gc.get_freeze_count() > 0)
print(gc.get_count())
del a
print("frozen cycle", gc.collect())
x = []
print(any(o is x for o in gc.get_objects()))
gc.unfreeze()
print(gc.get_freeze_count())
print("after unfreeze", gc.collect())
print("again", gc.collect())
