class C:
    def m(self, x=1):
        return (type(self).__name__, x)
c = C()
m1, m2 = c.m, c.m
print(m1(), m2(5), m1 == m2, m1 is m2, m1.__self__ is c, m1.__func__ is C.m, m1.__name__, m1.__qualname__)
print(C.m(c, 7), type(C.m).__name__, type(c.m).__name__)
repr_m = repr(c.m)
print(repr_m.startswith("<bound method C.m of <__main__.C object"))
class D:
    def __repr__(self):
        return "D!"
    def f(self):
        pass
print(repr(D().f))
try:
    c.m.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
C.m.attr = "on func"
print(c.m.attr)
