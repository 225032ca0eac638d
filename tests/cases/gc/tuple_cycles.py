# Tuples can only be in a cycle through a mutable container.
import gc

gc.disable()
gc.collect()

l = []
t = (l,)
l.append(t)
del l, t
print("tuple-list", gc.collect())

l = []
t = (1, (2, l), "x")
l.append(t)
del l, t
print("nested", gc.collect())

l = []
for i in range(5):
    l = [tuple([l, i])]
first = l
cur = l
while cur[0][0]:
    cur = cur[0][0]
cur.append(first)
del l, first, cur, i
print("chain", gc.collect())
