def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
o = object()
t(lambda: id(o) == id(o))
t(lambda: type(id(o)))
t(lambda: id())
t(lambda: id(1, 2))
t(lambda: hash(1))
t(lambda: hash(-1))
t(lambda: hash(2**64))
t(lambda: hash([]))
t(lambda: hash())
t(lambda: hash(1, 2))
class H:
    def __hash__(self):
        return 2**70
t(lambda: hash(H()))
class H2:
    def __hash__(self):
        return -1
t(lambda: hash(H2()))
class H3:
    def __hash__(self):
        return 'x'
t(lambda: hash(H3()))
class H4:
    def __hash__(self):
        return True
t(lambda: hash(H4()))
class E:
    def __eq__(self, o):
        return True
t(lambda: E.__hash__)
t(lambda: hash(E()))
class E2(E):
    __hash__ = object.__hash__
t(lambda: type(hash(E2())))
t(lambda: callable(len))
t(lambda: callable(1))
t(lambda: callable(E))
t(lambda: callable(E()))
class C:
    def __call__(self):
        pass
t(lambda: callable(C()))
t(lambda: callable())
t(lambda: callable(1, 2))
t(lambda: hash((1, 2)) == hash((1, 2)))
t(lambda: hash(2**61 - 1), )
t(lambda: hash(-(2**61 - 1)))
t(lambda: hash(2**61))
