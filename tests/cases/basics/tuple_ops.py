t = (1, 2, 3, 2)
print(t, len(t), t[0], t[-1], t[1:3], t.count(2), t.index(3), t + (4,), t * 2)
print((), (1,), tuple([1, 2]), tuple("ab"), tuple(range(3)), ((1, 2), (3,)))
print(1 in t, 5 in t, (1, 2) < (1, 3), max(t), min(t), sum(t))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), type(()), repr((1,)))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
x = 1, 2
y = x,
print(x, y, (x), len(y))
