# Instance attributes live inline (CPython 3.11) until __dict__ is asked
# for: what gc.collect() counts, gc.is_tracked of the dict, and
# __getstate__/copy, which hand out the dict itself.
import copy
import gc

gc.disable()


class A:
    pass


gc.collect()
b = A(); b.x = [b]; b.__dict__
del b
print("materialized", gc.collect())
b = A(); b.x = [b]
del b
print("inline", gc.collect())
b = A(); b.x = [b]; c = A(); c.__dict__.update(b.__dict__)
del b, c
print("two", gc.collect())
b = A(); b.x = [b]; c = A(); c.x = b.x
del b, c
print("shared list", gc.collect())
b = A(); b.x = [b]
v = vars(b)
del b
print("vars held", gc.collect(), sorted(v))
del v
print("vars dropped", gc.collect())

a = A(); a.x = []; a.y = 1
s = a.__getstate__()
print("getstate is dict", s is a.__dict__, gc.is_tracked(s))
del a, s
print(gc.collect())
b = A(); b.x = [b]
c = copy.copy(b)
print("copy", gc.is_tracked(c.__dict__), c.x[0] is b)
del b, c
print(gc.collect())
d = A(); d.z = {}
print("vars tracked", gc.is_tracked(vars(d)))
e = A(); e.n = 5
print("atomic", gc.is_tracked(e.__dict__))
e.l = []
print("after list", gc.is_tracked(e.__dict__))
del d, e
f = A(); f.me = f
del f
print("self", gc.collect())
g = A(); g.l = [g]; g.__dict__
del g
print("self list", gc.collect())
a = A(); a.x = [1]; a.y = "s"
print([type(o).__name__ for o in gc.get_referents(a)])
print(any(o is a for o in gc.get_referrers(a.x)))


class S:
    __slots__ = ("p", "__dict__")


s = S(); s.p = [s]; s.q = {}
st = s.__getstate__()
print(type(st).__name__, st[0] is s.__dict__, sorted(st[1]))
del s, st
print("slots", gc.collect())


class L(list):
    pass


l = L(); l.me = l
del l
print("list subclass", gc.collect())
