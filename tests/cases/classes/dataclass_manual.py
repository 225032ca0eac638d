class Rec:
    fields = ("a", "b")
    def __init__(self, *vals):
        if len(vals) != len(self.fields):
            raise TypeError(f"expected {len(self.fields)} values")
        for k, v in zip(self.fields, vals):
            setattr(self, k, v)
    def __eq__(self, o):
        return type(o) is type(self) and all(getattr(self, f) == getattr(o, f) for f in self.fields)
    def __hash__(self):
        return hash(tuple(getattr(self, f) for f in self.fields))
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"
r = Rec(1, "x")
print(r, r == Rec(1, "x"), r == Rec(2, "x"), len({r, Rec(1, "x")}))
try:
    Rec(1)
except TypeError as e:
    print(type(e).__name__, e)
