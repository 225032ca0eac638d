class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case _:
            return "not a point"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), "x"]:
    print(where(p))
match (1, [2, 3]):
    case (a, [b, c]) as whole:
        print(a, b, c, whole)
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
