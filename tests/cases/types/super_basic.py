def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
class A:
    def m(self):
        return 'A.m'
    @classmethod
    def c(cls):
        return 'A.c ' + cls.__name__
    @property
    def p(self):
        return 'A.p'
class B(A):
    def m(self):
        return 'B>' + super().m()
    @classmethod
    def c(cls):
        return 'B>' + super().c()
    @property
    def p(self):
        return 'B>' + super().p
b = B()
t(lambda: b.m())
t(lambda: B.c())
t(lambda: b.p)
t(lambda: super(B, b).m())
t(lambda: super(B, B).c())
t(lambda: super(B, b).zz)
t(lambda: super(B, 1))
t(lambda: super(1, b))
t(lambda: super())
t(lambda: super(B))
t(lambda: super(B).__get__(b).m())
t(lambda: super(B, b).__thisclass__)
t(lambda: super(B, b).__self__ is b)
t(lambda: super(B, b).__self_class__)
t(lambda: repr(super(B, b)).startswith("<super: <class 'B'>, <B object"))
t(lambda: repr(super(B)))
t(lambda: super(B, b).__class__)
def nocls():
    return super()
t(nocls)
class C(B):
    def m(self):
        def inner():
            return super().m()
        return inner()
t(lambda: C().m())
class D:
    def m(self):
        del self
        return super().m()
t(lambda: D().m())
class E(A):
    def m(self, *a):
        return super().m()
t(lambda: E().m())
class F:
    def __init__(self):
        super().__init__()
        print('F init ok')
F()
t(lambda: super(A, A()).__init__(1))
t(lambda: super(int, True).__repr__().startswith('<bool object at'))
t(lambda: setattr(super(B, b), 'x', 1))
