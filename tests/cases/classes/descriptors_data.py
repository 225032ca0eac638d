class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        print("get", self.name)
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
class Rec:
    n = Typed(int)
    s = Typed(str)
r = Rec()
r.n = 5
r.s = "x"
print(r.n, r.s, type(Rec.n).__name__)
try:
    r.n = "bad"
except TypeError as e:
    print(type(e).__name__, e)
r.__dict__["n"] = "shadow?"
print(r.n)
del r.n
print(sorted(r.__dict__))
