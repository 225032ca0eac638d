a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
i = 0
l = [0, 0, 0]
i, l[i] = 1, 5
print(i, l)
d = {}
d["a"] = d["b"] = 3
print(d)
(a, b), c = [1, 2], 3
[d, e], *f = (4, 5), 6, 7
print(a, b, c, d, e, f)
first, = [10]
print(first)
