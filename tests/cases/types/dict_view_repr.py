d = {'b': [1], 'a': (2,)}
print(repr(d.keys()), str(d.values()), d.items())
print(list(d.items())[0], {}.keys(), {}.values(), {}.items())
print(type(d.keys()), type(d.items()).__name__, type(d.values()).__qualname__)
class D(dict):
    pass
print(D(x=1).keys(), D(x=1).items())
print({1: 'a'}.keys().__len__(), len({1: 'a'}.items()))
print({1: 2}.keys().__reversed__().__class__.__name__)
import collections
od = collections.OrderedDict(a=1)
print(od.keys(), od.values(), od.items())
print(collections.Counter('aab').keys())
