class Dyn:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.xyz, getattr(d, "xa"), hasattr(d, "nope"))
try:
    d.nope
except AttributeError as e:
    print(type(e).__name__, e)
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        print("getattribute", name)
        return super().__getattribute__(name)
    def __getattr__(self, name):
        print("getattr fallback", name)
        return None
l = Logged()
print(l.a, l.b)
class Guard:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
g = Guard()
g.v = 5
print(g.v)
del g.v
print(hasattr(g, "v"))
