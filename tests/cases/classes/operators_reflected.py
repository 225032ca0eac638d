class R:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"R({self.v})"
    def __radd__(self, o):
        print("radd", o)
        return R(o + self.v)
    def __rsub__(self, o):
        return R(o - self.v)
    def __rtruediv__(self, o):
        return R(o / self.v)
    def __rpow__(self, o):
        return R(o ** self.v)
    def __rlshift__(self, o):
        return R(o << self.v)
    def __rand__(self, o):
        return R(o & self.v)
    def __ror__(self, o):
        return R(o | self.v)
    def __rxor__(self, o):
        return R(o ^ self.v)
    def __rmod__(self, o):
        return R(o % self.v)
    def __rfloordiv__(self, o):
        return R(o // self.v)
    def __rmatmul__(self, o):
        return R(("rmatmul", o))
r = R(3)
print(1 + r, 10 - r, 6 / r, 2 ** r, 1 << r, 7 & r, 4 | r, 5 ^ r, 10 % r, 10 // r, [1] @ r)
print(sum([r], 0))
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.__radd__"
print(Base() + Sub(), Sub() + Base())
class NI:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    NI() + NI()
except TypeError as e:
    print(type(e).__name__, e)
try:
    NI() + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 - NI()
except TypeError as e:
    print(type(e).__name__, e)
