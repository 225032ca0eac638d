class K:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        K.calls += 1
        return hash(self.v)
    def __eq__(self, o):
        return isinstance(o, K) and o.v == self.v
    def __repr__(self):
        return 'K(%r)' % self.v
def count(label, f):
    K.calls = 0
    r = f()
    print(label, K.calls, r)
d = {}
k = K(1)
count('set', lambda: d.__setitem__(k, 1))
count('get', lambda: d[k])
count('setdefault', lambda: d.setdefault(K(2), 5))
count('pop', lambda: d.pop(K(2)))
count('in', lambda: k in d)
count('fromkeys', lambda: dict.fromkeys([K(3), K(4)]))
count('copy', lambda: d.copy())
count('dict(d)', lambda: dict(d))
count('update', lambda: {}.update(d))
count('set()', lambda: set(d))
count('frozenset copy', lambda: len(frozenset(set([K(5), K(6)]))))
count('set union', lambda: len({K(1)} | {K(2)}))
count('items in', lambda: (k, 1) in d.items())
count('resize', lambda: len({K(i): i for i in range(20)}))
