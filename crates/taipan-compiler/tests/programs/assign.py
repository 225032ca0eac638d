x = 1
y = x
a, b = b, a
a, b, c = c, b, a
a = b = c = 5
x += 1
obj.attr = 3
obj.attr += 2
d[k] = v
d[k] += 1
del x
del d[k], obj.attr
first, *rest = items
*init, last = items
[p, q] = r
