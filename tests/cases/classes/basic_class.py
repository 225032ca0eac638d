class Point:
    "A point."
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p, p.norm2(), p.dims, Point.dims, Point.__doc__, Point.__name__, Point.__qualname__, Point.__module__)
print(p.__dict__, sorted(k for k in Point.__dict__ if not k.startswith("__")), type(p) is Point, p.__class__.__name__)
p.z = 5
print(p.__dict__, hasattr(p, "z"), getattr(p, "w", None))
setattr(p, "w", 1); delattr(p, "z"); print(vars(p))
print(Point.norm2(p), Point.__bases__, Point.__mro__, isinstance(p, object))
try:
    p.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
class Empty:
    pass
print(repr(Empty)[:15], str(Empty()).startswith("<__main__.Empty object at "), Empty.__bases__)
