class D(dict):
    def __missing__(self, key):
        return key * 2
d = D(a=1)
print(d['a'], d['xy'], d.get('xy'), 'xy' in d)
print(d)
class E(dict):
    pass
e = E()
try:
    e['q']
except KeyError as ex:
    print('KeyError', ex)
class F(dict):
    def __missing__(self, key):
        raise ValueError('no ' + repr(key))
try:
    F()[3]
except ValueError as ex:
    print(ex)
class G(dict):
    __missing__ = None
try:
    G()[1]
except TypeError as ex:
    print(ex)
import collections
dd = collections.defaultdict(list)
dd['a'].append(1)
print(dd, dd.default_factory)
try:
    {}[(1, 2)]
except KeyError as ex:
    print(repr(ex), ex.args)
try:
    {}[()]
except KeyError as ex:
    print(repr(ex), str(ex))
print(type(D()).__name__, isinstance(d, dict), D.__mro__)
print(repr(D(x=1)), D(x=1) == {'x': 1})
