d = {}
for w in 'one two three four five six'.split():
    d[w] = len(w)
out = []
while d:
    out.append(d.popitem())
print(out)
d = {i: i for i in range(10)}
del d[9]
print(d.popitem())
d[50] = 0
print(d.popitem(), d.popitem())
d.update({'z': 1})
print(d.popitem(), list(d))
try:
    {}.popitem()
except KeyError as e:
    print(repr(e))
import collections
o = collections.OrderedDict.fromkeys('abc')
print(o.popitem(), o.popitem(last=False), o)
