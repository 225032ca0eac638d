import types, sys
ns = types.SimpleNamespace(a=1, b='x')
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x'), ns != types.SimpleNamespace(a=2))
ns.c = [ns]
print(ns)
del ns.a
print(vars(ns).keys(), types.SimpleNamespace)
class N(types.SimpleNamespace): pass
print(N(z=3), N(z=3) == types.SimpleNamespace(z=3))
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print(e)
print(type(sys.implementation).__name__)
print(ns.__reduce__()[0], ns.__reduce__()[2])
try:
    ns.missing
except AttributeError as e:
    print(e)
import io, site
print(type(io.open_code(__file__)).__name__, sys.copyright.splitlines()[0][:9])
import collections
try:
    collections.deque().nope
except AttributeError as e:
    print(e)
