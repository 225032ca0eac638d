class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        self._v = x
class Child(Base):
    @Base.v.getter
    def v(self):
        return self._v * 100
c = Child()
c.v = 3
print(c.v, Base.v is Child.v, type(Child.v).__name__)
class Override(Base):
    v = 5
print(Override().v)
class P:
    @property
    def readonly(self):
        return "ro"
try:
    P().readonly = 1
except AttributeError as e:
    print(type(e).__name__, e)
