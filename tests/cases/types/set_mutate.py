class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, o):
        return self.v == o.v
    def __repr__(self):
        return 'K%d' % self.v
s = {K(1), K(2), K(3)}
print(len(s), K(2) in s)
s.remove(K(2))
print(sorted(s, key=lambda k: k.v))
s = {1, 2, 3}
it = iter(s)
next(it)
s.add(99)
try:
    next(it)
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
it = iter(s)
s.discard(1)
s.add(4)
try:
    list(it)
except RuntimeError as e:
    print(e)
print(iter({1, 2}).__length_hint__())
t = {frozenset([1]), frozenset([1, 2])}
print(len(t), frozenset([2, 1]) in t)
u = set([1, 2])
print(u.__contains__({1, 2}) if False else u.__contains__(1))
try:
    u.remove({1})
except KeyError as e:
    print('KeyError', e)
print({1, 2}.__reduce__()[0].__name__)
print(set.__init__(u, [7]) , u)
