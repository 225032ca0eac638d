class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)
class C:
    d = NonData()
c = C()
print(c.d, C.d)
c.__dict__["d"] = "instance wins"
print(c.d, C.d)
class Lazy:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        v = self.fn(obj)
        obj.__dict__[self.name] = v
        return v
class W:
    @Lazy
    def expensive(self):
        print("computing")
        return 42
w = W()
print(w.expensive, w.expensive, type(W.expensive).__name__)
def f(self):
    return "bound"
class F:
    pass
print(f.__get__(F(), F)(), f.__get__(None, F) is f, type(f.__get__(F())).__name__)
