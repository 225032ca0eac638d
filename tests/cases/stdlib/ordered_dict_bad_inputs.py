from collections import OrderedDict as OD
import sys

def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

d = OD(a=1)
t(lambda: d.__setitem__([], 1))
t(lambda: d.__getitem__([]))
t(lambda: d.__delitem__([]))
t(lambda: d.pop([], 5))
t(lambda: d.move_to_end({}))
t(lambda: d.setdefault([]))
t(lambda: [] in d)
t(lambda: OD([[]]))
t(lambda: OD([1, 2]))
t(lambda: OD(5))
t(lambda: OD(None))
t(lambda: OD.fromkeys([[1]]))
t(lambda: d.popitem(1, 2))
t(lambda: d.popitem(bogus=1))
t(lambda: d.move_to_end('a', True, 3))
t(lambda: d.pop('a', 1, 2))
t(lambda: d.update({}, {}))
t(lambda: d.copy(1))
t(lambda: d.__reversed__(1))
t(lambda: OD.__init__(d, 1, 2))
t(lambda: OD.keys(1))
t(lambda: OD.move_to_end({}, 'a'))
t(lambda: d < d)
t(lambda: d + d)
t(lambda: d | 1)
t(lambda: 1 | d)
def ior():
    x = OD(); x |= 1
t(ior)
class BadHash:
    def __hash__(self): raise ValueError('no hash')
t(lambda: OD([(BadHash(), 1)]))
t(lambda: d.pop(BadHash()))
t(lambda: d.move_to_end(BadHash()))
class BadEq:
    def __hash__(self): return hash('a')
    def __eq__(self, o): raise RuntimeError('eq boom')
t(lambda: d[BadEq()])
t(lambda: d.move_to_end(BadEq()))
t(lambda: d.pop(BadEq()))
t(lambda: d.__setitem__(BadEq(), 2))
print(d)
big = OD.fromkeys(range(100000))
print(len(big), next(iter(big)), next(reversed(big)))
for i in range(0, 100000, 3):
    big.move_to_end(i, last=False)
print(list(big)[:3], list(big)[-3:], big.popitem(), big.popitem(False))
while big:
    big.popitem()
print(big, len(big))
t(lambda: big.popitem())
# repr of a self-referencing od and of deep nesting
r = OD(); r['r'] = r; r['v'] = r.values(); print(r)
deep = OD()
cur = deep
for i in range(50):
    nxt = OD(); cur['k'] = nxt; cur = nxt
print(str(deep)[:60])
# iterator exhaustion and reuse
it = iter(OD(a=1))
print(list(it), list(it), next(it, 'done'))
it = reversed(OD(a=1, b=2).items()); print(list(it))
v = OD(a=1).values(); print(list(v), list(reversed(v)), 1 in v, len(v))
