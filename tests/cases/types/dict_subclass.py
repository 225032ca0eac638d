class D(dict):
    def __setitem__(self, k, v):
        print('setitem', k)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print('getitem', k)
        return super().__getitem__(k)
d = D(a=1)
d['b'] = 2
d.update(c=3)
d.setdefault('e', 5)
print(d['a'], d.get('a'))
print(dict(d), {**d})
x = {}
x.update(d)
print(x)
class K(dict):
    def keys(self):
        print('keys called')
        return ['a']
k = K(a=1, b=2)
print(dict(k), {**k})
y = {}
y.update(k)
print(y)
class I(dict):
    def __iter__(self):
        print('iter called')
        return iter(['z'])
i = I(a=1)
print(list(i), dict(i))
print(D.fromkeys('ab'), type(D.fromkeys('ab')).__name__)
class F(dict):
    def __init__(self, *a, **kw):
        print('init', a, kw)
print(type(F.fromkeys([1])).__name__, F.fromkeys([1, 2], 0))
print(type(D(a=1).copy()).__name__)
