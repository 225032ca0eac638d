def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
o = object()
t(lambda: object(1))
t(lambda: object.__new__(object, 1))
t(lambda: o.x)
t(lambda: setattr(o, 'x', 1))
t(lambda: o.__dict__)
t(lambda: [x for x in dir(o)])
t(lambda: o.__eq__(o))
t(lambda: o.__eq__(1))
t(lambda: o.__ne__(1))
t(lambda: o.__lt__(o))
t(lambda: o < o)
t(lambda: o.__format__('') == str(o))
t(lambda: o.__format__('x'))
t(lambda: format(o, 'd'))
t(lambda: o.__reduce_ex__(2)[0].__name__)
t(lambda: o.__sizeof__())
t(lambda: o.__subclasshook__())
t(lambda: object.__init_subclass__())
t(lambda: o.__class__)
t(lambda: o.__doc__)
t(lambda: o.__hash__() == hash(o))
t(lambda: o.__init__(1))
t(lambda: object.__init__(o, 1))
class A:
    pass
t(lambda: A(1))
class B:
    def __init__(self, x):
        pass
t(lambda: type(B(1)).__name__)
t(lambda: B())
class C:
    def __new__(cls, x):
        return super().__new__(cls)
t(lambda: type(C(1)).__name__)
t(lambda: object.__new__(int))
t(lambda: object.__new__(1))
t(lambda: setattr(A(), '__class__', B))
t(lambda: setattr(o, '__class__', A))
t(lambda: object.__getattribute__(A(), 'zz'))
t(lambda: object.__setattr__(1, 'x', 1))
t(lambda: object.__delattr__(A(), 'x'))
t(lambda: A().__dict__)
