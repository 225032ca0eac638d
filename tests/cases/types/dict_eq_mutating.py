class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        print('eq', self.v, getattr(o, 'v', o))
        return isinstance(o, K) and self.v == o.v
d = {K(1): 'a', K(2): 'b'}
print(d[K(1)])
print(K(2) in d)
print({K(1): 1} == {K(1): 1})
class H:
    def __hash__(self):
        return 7
    def __eq__(self, o):
        return NotImplemented
h1, h2 = H(), H()
d = {h1: 1, h2: 2}
print(len(d))
class Bad:
    def __hash__(self):
        raise ValueError('nohash')
try:
    {Bad(): 1}
except ValueError as e:
    print(e)
try:
    {}.get(Bad())
except ValueError as e:
    print(e)
class NH:
    __hash__ = None
try:
    {NH(): 1}
except TypeError as e:
    print(e)
print(hash(-1), hash(-2), {-1: 'a', -2: 'b'})
print({1: 'int', 1.0: 'float', True: 'bool'})
print({float('nan'): 1, float('nan'): 2}.__len__())
n = float('nan')
print({n: 1}[n])
