# gc.collect's generation argument.
import gc

gc.disable()
gc.collect()
for g in (0, 1, 2):
    print(g, gc.collect(g))
print(gc.collect(generation=1))
for bad in (-1, 3, 100):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ("1", 1.0, None):
    try:
        gc.collect(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    gc.collect(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.collect(gen=1)
except TypeError as e:
    print("TypeError:", e)
