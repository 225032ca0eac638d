a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(5)
print(h, mid, t)
x, *y = [1]
print(x, y)
[p, q] = "pq"
print(p, q)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
print([*range(3), *"ab"], (*[1], 2), {*(1, 2), 3}, {**{"a": 1}, "b": 2})
print(*[1, 2, 3], sep="-")
for bad in [[1, 2, 3], [1]]:
    try:
        m, n = bad
    except ValueError as err:
        print(type(err).__name__, err)
try:
    a, b, *c = [1]
except ValueError as err:
    print(type(err).__name__, err)
try:
    a, b = 5
except TypeError as err:
    print(type(err).__name__, err)
