# get_count: allocations of tracked objects raise generation 0's count;
# each collection of a younger generation is counted in the next one.
import gc

gc.disable()
gc.collect()
c = gc.get_count()
print(c)
before = gc.get_count()[0]
x = [[] for _ in range(100)]
after = gc.get_count()[0]
print(after - before >= 100)
del x
gc.collect(0)
print(gc.get_count())
gc.collect(0)
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
gc.collect()
print(gc.get_count())
before = gc.get_count()[0]
y = 12345678901234567890
z = "atomic" * 3
w = 1.5
print(gc.get_count()[0] - before < 3)
