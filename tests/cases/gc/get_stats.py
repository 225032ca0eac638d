# get_stats: one dict per generation with collections, collected and
# uncollectable.
import gc

gc.disable()
gc.collect()
stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats])
print(all(type(v) is int for s in stats for v in s.values()))
a = []
a.append(a)
b = [a]
b.append(b)
del a, b
gc.collect()
after = gc.get_stats()
print([after[i]["collections"] - stats[i]["collections"] for i in range(3)])
print([after[i]["collected"] - stats[i]["collected"] for i in range(3)])
print([after[i]["uncollectable"] - stats[i]["uncollectable"] for i in range(3)])
gc.collect(0)
gc.collect(1)
again = gc.get_stats()
print([again[i]["collections"] - after[i]["collections"] for i in range(3)])
