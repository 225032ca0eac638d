from collections import OrderedDict as OD
import copy, pickle, sys, weakref

def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

od = OD()
print(od, repr(od), len(od), bool(od), od.__sizeof__())
od['b'] = 1; od['a'] = 2; od['c'] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
od['b'] = 10
print(od)
od.move_to_end('b'); print(od)
od.move_to_end('b', last=False); print(od)
od.move_to_end('c', False); print(od)
od.move_to_end('c'); print(od)
t(lambda: od.move_to_end('zz'))
t(lambda: OD().move_to_end('zz'))
t(lambda: od.move_to_end())
t(lambda: od.move_to_end([]))
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
print(od.popitem(), od.popitem(last=False), od, od.popitem(False))
t(lambda: od.popitem())
od = OD.fromkeys('abcde')
print(od, OD.fromkeys('xy', 0), OD.fromkeys(iterable='q', value=1))
t(lambda: OD.fromkeys())
t(lambda: OD.fromkeys(5))
print(od.pop('c'), od.pop('zz', 'dflt'), od.pop(key='a'), od.pop('zz', default=None))
t(lambda: od.pop('zz'))
t(lambda: od.pop())
t(lambda: od.pop([]))
print(od.setdefault('b', 5), od.setdefault('n', 7), od.setdefault('m'), od)
t(lambda: od.setdefault())
del od['b']
t(lambda: od.__delitem__('b'))
print(od, od.get('n'), 'n' in od, od['n'])
t(lambda: od['missing'])
od.update([('x', 1), ('y', 2)], z=3); print(od)
od.update({'x': 0}); od.update(OD(w=9)); print(od)
class KeysOnly:
    def keys(self): return ['k1', 'k2']
    def __getitem__(self, k): return k.upper()
od.update(KeysOnly()); print(od)
class ItemsOnly:
    def items(self): return [('i1', 1)]
od.update(ItemsOnly()); print(od)
t(lambda: od.update(1, 2))
t(lambda: od.update([(1,)]))
t(lambda: od.update([()]))
t(lambda: od.update([(1, 2, 3)]))
t(lambda: od.update(5))
t(lambda: OD(1, 2))
t(lambda: OD([(1, 2)], [(3, 4)]))
print(OD([(1, 2)], a=3), OD({'q': 1}), OD(OD(r=1)))
c = od.copy(); print(c == od, c is od, type(c).__name__, c)
od.clear(); print(od, len(od), list(od))
a = OD(x=1, y=2); b = OD(y=2, x=1)
print(a == b, a != b, a == dict(b), dict(b) == a, a == {'x': 1, 'y': 2}, a == OD(x=1, y=2), a != OD(x=1, y=2))
t(lambda: a < b)
t(lambda: hash(a))
print(a | b, b | {'z': 0}, {'z': 0} | a)
t(lambda: a | [('q', 1)])
a |= [('q', 1)]; print(a)
a |= {'r': 2}; print(a)
print(a.__reduce__()[:4])
print(list(a.__reduce__()[4]))
a.extra = 'attr'
print(a.__dict__, a.__reduce__()[2])
r = pickle.loads(pickle.dumps(a)); print(r, r.extra, type(r).__name__)
for p in range(pickle.HIGHEST_PROTOCOL + 1):
    assert pickle.loads(pickle.dumps(a, p)) == a
print(copy.copy(a), copy.deepcopy(OD(k=[1])))
w = weakref.ref(a); print(w() is a)
rec = OD(); rec['self'] = rec; print(rec)
class Sub(OD):
    def __repr__(self): return 'Sub' + super().__repr__()
s = Sub(a=1); s['b'] = 2
print(s, s.copy(), type(s.copy()).__name__, s | {'c': 3}, type(s | {}).__name__)
class Sub2(OD):
    pass
s2 = Sub2(x=1)
print(repr(s2), s2.keys(), type(s2.keys()).__name__)
class Miss(OD):
    def __missing__(self, k): return 'miss-' + k
print(Miss()['q'])
it = iter(OD(a=1, b=2, c=3))
print(type(it).__name__, next(it), it.__reduce__())
vit = iter(OD(a=1).values()); print(vit.__reduce__())
iit = iter(OD(a=1).items()); print(iit.__reduce__(), list(iit), iit.__reduce__())
for name in ['keys', 'values', 'items']:
    v = getattr(OD(a=1), name)()
    print(type(v).__name__, type(v).__mro__[1].__name__, len(v), repr(v))
print(OD(a=1).keys() == {'a'}, OD(a=1).keys() == OD(a=2).keys(), OD(a=1).items() == {('a', 1)}, OD(a=1, b=2).keys() & {'a'}, sorted(OD(a=1).keys() | {'z'}))
print(isinstance(OD(), dict), issubclass(OD, dict), OD.__module__, OD.__name__, OD.__qualname__)
print(OD[int, str], OD.__doc__)
# mutation during iteration
def m1():
    d = OD(a=1, b=2)
    for k in d:
        d['c'] = 3
t(m1)
def m2():
    d = OD(a=1, b=2)
    for k in d:
        del d['b']
t(m2)
def m3():
    d = OD(a=1, b=2, c=3)
    for k in d:
        d.move_to_end('a')
t(m3)
def m4():
    d = OD(a=1, b=2)
    for k in d:
        d['a'] = 5
    return d
t(m4)
def m5():
    d = OD(a=1, b=2)
    for k, v in d.items():
        d.pop('a')
t(m5)
def m6():
    d = OD(a=1, b=2)
    out = []
    for k in d.values():
        out.append(k)
        d.clear()
    return out
t(m6)
def m7():
    d = OD(a=1, b=2)
    it = iter(d)
    next(it)
    dict.__delitem__(d, 'b')
    return list(it)
t(m7)
def m8():
    d = OD(a=1, b=2)
    it = iter(d)
    d.popitem(); d['z'] = 1
    return next(it)
t(m8)
class BadEq:
    def __init__(self, d): self.d = d
    def __hash__(self): return 1
    def __eq__(self, other):
        self.d.clear() if hasattr(self, 'd') and self.d else None
        return True
x1 = OD(); x2 = OD()
k1 = BadEq(x2); k2 = BadEq(None)
x1[k1] = 1; x2[k2] = 1
t(lambda: x1 == x2)
big = OD((i, i) for i in range(1000))
for i in range(0, 1000, 2):
    del big[i]
big.move_to_end(1, last=False)
print(len(big), list(big)[:5], list(big)[-3:])
sizes = []
d = OD()
sizes.append(d.__sizeof__())
for i in range(12):
    d[i] = i
    sizes.append(d.__sizeof__())
d.clear(); sizes.append(d.__sizeof__())
print(sizes)
print(OD(a=1).__sizeof__() - dict(a=1).__sizeof__())
