class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Circle(Shape):
    pass
print(Sq(3).describe())
try:
    Circle().describe()
except NotImplementedError as e:
    print(type(e).__name__, e)
shapes = [Sq(1), Sq(2)]
print(sum(s.area() for s in shapes), sorted(shapes, key=lambda s: s.area())[-1].s)
