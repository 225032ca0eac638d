def add_repr(cls):
    def __repr__(self):
        return f"{cls.__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"
    cls.__repr__ = __repr__
    return cls
@add_repr
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Pt(1, "a"))
print(Pt.__dict__["__repr__"].__qualname__)
print(sorted(n for n in dir(Pt) if not n.startswith("__")), "__init__" in Pt.__dict__, "__dict__" in Pt.__dict__)
