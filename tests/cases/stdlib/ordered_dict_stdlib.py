import json, enum, configparser, collections, io, copy, pickle
from collections import OrderedDict
print(json.loads('{"b": 1, "a": [1, {"z": 0, "y": 1}]}', object_pairs_hook=OrderedDict))
print(json.dumps(OrderedDict([('z', 1), ('a', 2)])), json.dumps(OrderedDict(b=1, a=2), sort_keys=True))
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(list(Color), Color.__members__, type(Color.__members__).__name__)
cp = configparser.ConfigParser(dict_type=OrderedDict)
cp.read_string("[s]\nb = 1\na = 2\n[t]\nx = y\n")
print(cp.sections(), list(cp['s']), dict(cp['s']))
buf = io.StringIO()
cp.write(buf); print(buf.getvalue())
c = collections.Counter('abracadabra')
print(c.most_common(3), OrderedDict(c.most_common(2)))
print(collections.namedtuple('P', 'x y')(1, 2)._asdict())
od = OrderedDict(a=[1], b={'c': 2})
print(copy.deepcopy(od), pickle.loads(pickle.dumps(od)) == od)
print({**OrderedDict(b=1, a=2)}, dict(OrderedDict(b=1, a=2)))
o = OrderedDict(a=1, b=2); o.move_to_end('a')
print({**o}, dict(o), list(dict(o)), [*o], list(o.items()))
def f(**kw): return list(kw)
print(f(**o))
import functools
@functools.lru_cache
def g(x): return x
print(g(1), g.cache_info())
