def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
class A:
    """Adoc"""
    class B:
        pass
t(lambda: A)
t(lambda: A.B)
t(lambda: A.B.__qualname__)
t(lambda: (int, type, object, type(None), type(len), type(A.__init__)))
t(lambda: (type(A().__init__), type([].append), type(int.__add__), type(dict.__dict__['fromkeys'])))
t(lambda: type(int.__dict__['real']))
t(lambda: type(A.__dict__['__dict__']))
t(lambda: type(type.__dict__['__name__']))
t(lambda: A.__doc__)
t(lambda: A.__dict__['__doc__'])
t(lambda: A.__module__)
t(lambda: type(A.__dict__).__name__)
t(lambda: A.__dict__['__weakref__'].__name__)
t(lambda: setattr(type, 'x', 1))
t(lambda: setattr(A, '__dict__', {}))
t(lambda: setattr(A, '__mro__', ()))
t(lambda: delattr(A, '__name__'))
t(lambda: setattr(A, '__module__', 'mod'))
t(lambda: A)
t(lambda: setattr(A, '__doc__', 'new'))
t(lambda: A.__doc__)
t(lambda: int.__doc__[:30])
t(lambda: type(A.__dict__['__module__']))
t(lambda: type.__dict__['__dict__'])
t(lambda: A.__class__)
t(lambda: type.__class__)
t(lambda: type.__mro__)
