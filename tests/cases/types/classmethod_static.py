def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
class A:
    @classmethod
    def c(cls, x=0):
        return (cls.__name__, x)
    @staticmethod
    def s(x=0):
        return ('s', x)
    @classmethod
    @property
    def cp(cls):
        return 'cp ' + cls.__name__
class B(A):
    pass
t(lambda: A.c(1))
t(lambda: B.c())
t(lambda: B().c(2))
t(lambda: A.s(3))
t(lambda: A().s())
t(lambda: B.cp)
cm = A.__dict__['c']
sm = A.__dict__['s']
t(lambda: type(cm).__name__)
t(lambda: cm.__func__.__name__)
t(lambda: sm.__func__.__name__)
t(lambda: cm.__wrapped__ is cm.__func__)
t(lambda: sm.__wrapped__ is sm.__func__)
t(lambda: sm())
t(lambda: cm.__get__(None, B)())
t(lambda: cm.__get__(B())())
t(lambda: cm.__isabstractmethod__)
t(lambda: sm.__isabstractmethod__)
t(lambda: classmethod())
t(lambda: staticmethod(1, 2))
t(lambda: classmethod(1).__get__(1)())
t(lambda: staticmethod(1)())
t(lambda: A.s.__name__)
t(lambda: cm.__name__)
t(lambda: sm.__doc__)
t(lambda: sm.__qualname__)
t(lambda: repr(staticmethod(len)))
t(lambda: repr(classmethod(len)).startswith('<classmethod('))
t(lambda: sorted(n for n in dir(cm) if not n.startswith('__')))
t(lambda: sorted(n for n in dir(sm) if n.startswith('__') and n not in dir(object)))
t(lambda: sorted(n for n in dir(cm) if n.startswith('__') and n not in dir(object)))
t(lambda: cm.__dict__)
