class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]
    def hello(self):
        return "Base.hello"
class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.trail.append("Left")
    def hello(self):
        return "Left>" + super().hello()
class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.trail.append("Right")
    def hello(self):
        return "Right>" + super().hello()
class Child(Left, Right):
    def __init__(self):
        print("Child.__init__")
        super().__init__()
    def hello(self):
        return "Child>" + super().hello()
c = Child()
print(c.trail, c.hello())
print(super(Left, c).hello(), super(Child, c).hello())
s = super(Left, c)
print(type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__)
class M:
    @classmethod
    def make(cls):
        return cls.__name__
class N(M):
    @classmethod
    def make(cls):
        return "N+" + super().make()
print(N.make())
def outside():
    try:
        super()
    except RuntimeError as e:
        print(type(e).__name__, e)
outside()
