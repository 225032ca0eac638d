import _weakref, sys
class A:
    def __del__(self): print("del A")
a = A()
r = _weakref.ref(a, lambda w: print("cb", w() is None))
del a
print(r())
class S: __slots__ = ('__weakref__', 'x')
class T(S): pass
class U(T):
    __slots__ = ('y',)
for cls in (S, T, U):
    o = cls(); w = _weakref.ref(o); print(cls.__name__, w() is o); del o; print(w())
class MySet(set): pass
from _collections import deque
class MyDeque(deque): pass
for o in (MySet([1]), MyDeque([1]), deque(), frozenset()):
    w = _weakref.ref(o); print(type(o).__name__, w() is o); del o; print(w())
class NoW: __slots__ = ()
try: _weakref.ref(NoW())
except TypeError as e: print(e)
class B: pass
for i in range(1000):
    b = B(); rs = [_weakref.ref(b), _weakref.ref(b, print), _weakref.proxy(b)]; del rs; del b
# callback deleting other refs
c = B()
refs = []
def cb(w):
    refs.clear(); print("cb2")
refs.append(_weakref.ref(c, cb)); refs.append(_weakref.ref(c, cb))
del c
print(len(refs))
def f(): pass
print(_weakref.ref(f) == _weakref.ref(f), hash(_weakref.ref(f)) == hash(f))
d = B(); e = B()
print(_weakref.ref(d) == _weakref.ref(e), _weakref.ref(d) != _weakref.ref(e))
