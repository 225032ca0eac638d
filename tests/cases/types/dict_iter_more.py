d = {'a': 1, 'b': 2, 'c': 3}
it = iter(d.items())
print(next(it), it.__length_hint__())
r = reversed(d.items())
print(next(r), list(r))
print(list(reversed(d.values())))
k = iter(d)
del d['a']
try:
    next(k)
except RuntimeError as e:
    print(e)
d2 = {1: 1, 2: 2}
i2 = iter(d2)
d2[1] = 10
print(list(i2))
import copy
d3 = {'x': 1, 'y': 2}
i3 = iter(d3)
next(i3)
print(list(copy.copy(i3)))
v = iter(d3.values())
print(next(v), list(v))
kk = reversed(d3.keys())
print(kk.__length_hint__(), list(kk))
for k, v in {'p': 1}.items():
    print(k, v)
items = {1: 'a'}.items()
t = next(iter(items))
print(t, type(t))
