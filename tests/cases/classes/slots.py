class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__, type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
del p.x
try:
    p.x
except AttributeError as e:
    print(type(e).__name__, e)
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.__dict__)
class R(P):
    __slots__ = ("w",)
r = R(1, 2)
r.w = 5
print(r.w, hasattr(r, "__dict__"))
class S:
    __slots__ = ("a", "__dict__")
s = S()
s.a = 1
s.b = 2
print(s.a, s.__dict__)
try:
    class T:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(type(e).__name__, e)
class U:
    __slots__ = "single"
u = U()
u.single = "ok"
print(u.single, U.__slots__)
