class Acc:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Acc({self.v})"
    def __iadd__(self, o):
        print("iadd")
        self.v += o
        return self
    def __add__(self, o):
        print("add")
        return Acc(self.v + o)
    def __imul__(self, o):
        self.v *= o
        return self
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        print("sub fallback")
        return Acc(self.v - o)
    def __ipow__(self, o):
        self.v **= o
        return self
    def __ior__(self, o):
        self.v |= o
        return self
    def __ilshift__(self, o):
        self.v <<= o
        return self
    def __imatmul__(self, o):
        return "imatmul result"
a = Acc(1)
ref = a
a += 5; print(a, a is ref)
a *= 3; print(a)
a -= 1; print(a, a is ref)
b = Acc(2)
b **= 3; b |= 1; b <<= 2; print(b)
b @= 1; print(b)
class OnlyAdd:
    def __add__(self, o):
        return "plain add"
x = OnlyAdd()
x += 1
print(x)
try:
    y = object()
    y += 1
except TypeError as e:
    print(type(e).__name__, e)
