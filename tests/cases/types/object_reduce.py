import copy, pickle
class P:
    def __init__(self, a):
        self.a = a
p = P(3)
r = p.__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[2])
print(p.__reduce_ex__(0)[0].__name__)
q = copy.copy(p)
print(q.a, q is p)
z = pickle.loads(pickle.dumps(p))
print(z.a)
class S:
    __slots__ = ('x', 'y')
s = S()
s.x = 1
print(s.__reduce_ex__(2)[2])
print(copy.copy(s).x)
print(pickle.loads(pickle.dumps([1, (2, 3), {4: {5}}, frozenset([6]), range(3), slice(1, 2)])))
print(pickle.loads(pickle.dumps(...)), pickle.loads(pickle.dumps(NotImplemented)))
print(object().__getstate__())
print(p.__getstate__())
print(s.__getstate__())
print(copy.deepcopy({'a': [1, {2}]}))
print(pickle.loads(pickle.dumps(iter([1, 2, 3]))).__class__.__name__)
print(list(pickle.loads(pickle.dumps(enumerate('ab')))))
print(list(pickle.loads(pickle.dumps(reversed([1, 2])))))
print(list(pickle.loads(pickle.dumps(zip('ab', 'cd')))))
