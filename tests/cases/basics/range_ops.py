r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r.index(8), r.count(8), 11 in r, 12 in r)
print(list(range(5, 0, -1)), list(range(0)), list(range(-3)), range(10)[::-2])
print(range(0, 10, 2) == range(0, 9, 2), hash(range(3)) == hash(range(0, 3, 1)), bool(range(0)))
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(3)[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
big = range(10 ** 20)
print(len(range(0, 10 ** 18, 7)), big[-1], 10 ** 19 in big)
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(type(e).__name__, e)
