class B:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"B({self.v})"
    def __and__(self, o): return B(self.v & o)
    def __or__(self, o): return B(self.v | o)
    def __xor__(self, o): return B(self.v ^ o)
    def __lshift__(self, o): return B(self.v << o)
    def __rshift__(self, o): return B(self.v >> o)
    def __iand__(self, o):
        self.v &= o
        return self
    def __irshift__(self, o):
        self.v >>= o
        return self
    def __ixor__(self, o):
        self.v ^= o
        return self
b = B(12)
print(b & 10, b | 3, b ^ 5, b << 2, b >> 1)
b &= 8; print(b)
b >>= 2; print(b)
b ^= 7; print(b)
try:
    1 & B(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    b << "x"
except TypeError as e:
    print(type(e).__name__, e)
