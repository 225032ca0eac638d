class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattribute__(self, name):
        if name.startswith("_"):
            return object.__getattribute__(self, name)
        return getattr(object.__getattribute__(self, "_target"), name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
class T:
    x = 1
t = T()
p = Proxy(t)
p.y = 2
print(p.x, p.y, t.y, p.__class__.__name__)
try:
    p.missing
except AttributeError as e:
    print(type(e).__name__, e)
class Fallback:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return f"fallback {name}"
print(Fallback().anything)
