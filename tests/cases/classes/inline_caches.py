# The loop's inline caches (LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD, STORE_ATTR)
# must see every change that would change the generic lookup's answer.
import math


class A:
    x = 5

    def __init__(self):
        self.y = 1

    def m(self):
        return self.y


class B(A):
    pass


a = A()
s = 0
for i in range(100):
    o = a if i % 3 else B()
    s += a.x + a.y + a.m() + int(math.sqrt(4)) + o.y + o.m()
    a.y = i
    o.y = i
    if i == 50:
        A.m = lambda self: 100      # class attribute replaced
        a.x = 7                     # instance attribute shadows the class's
        a.m = lambda: 1000          # instance attribute shadows a method
    if i == 60:
        del a.m
        del a.x
        math.sqrt = lambda v: 9     # module attribute replaced
    if i == 70:
        A.y = property(lambda self: -1, lambda self, v: None)  # data descriptor
print(s, a.y, a.x)

g = 1


def f():
    return g + len("ab")


t = 0
for i in range(10):
    t += f()
    if i == 5:
        g = 10                      # global rebound
        len = lambda x: 100         # global shadows a builtin
print(t)


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        P.__init__(self, x, y)
        self.z = z


class R:
    def __init__(self, a):
        self.a = a
        self.b = a * 2


t = 0
for i in range(50):
    p = P(i, i + 1) if i % 2 else Q(i, i, i)
    t += p.x + p.y
    p.x = 3
    t += p.x
    r = R(i)
    r.a += 1
    t += r.a + r.b
    if i == 30:
        R.b = property(lambda self: 1000, lambda self, v: None)
try:
    del p.x
    p.x
except AttributeError as e:
    print(e)
print(t)


class S:
    pass


s1, s2 = S(), S()
s1.a, s1.b = 1, 2
s2.b, s2.a = 3, 4                   # same names, other dict order
tot = 0
for o in [s1, s2] * 5:
    tot += o.a * 10 + o.b
    o.a += 1
print(tot, s1.a, s2.a)

l = [1, 2, 3]
x, y, z = l
d = {"a": 1, (1, 2): 5}
print(x, y, z, l[-1], l[0], (4, 5)[-2], d["a"], d[1, 2])
l[-1] = 9
try:
    l[3]
except IndexError as e:
    print(e)
try:
    d["zz"]
except KeyError as e:
    print(repr(e))
try:
    a1, b1 = l
except ValueError as e:
    print(e)
print(l)


def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)


print(rec(500))
try:
    rec(100000)
except RecursionError as e:
    print(e)
