class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        print("getitem", k)
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        print("setitem", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print("delitem", k)
        del self.d[k]
    def __len__(self):
        return len(self.d)
    def __contains__(self, k):
        return k in self.d
    def __iter__(self):
        return iter(sorted(self.d))
    def __reversed__(self):
        return iter(sorted(self.d, reverse=True))
    def __bool__(self):
        return True
g = Grid()
g[1, 2] = "a"
g["k"] = "v"
print(g[1, 2], g["k"], len(g), (1, 2) in g, 5 in g)
del g[1, 2]
print(list(g), list(reversed(g)), bool(Grid()))
class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), not Sized())
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
class Missing(dict):
    def __missing__(self, k):
        return f"missing {k}"
print(Missing(a=1)["a"], Missing()["zz"])
