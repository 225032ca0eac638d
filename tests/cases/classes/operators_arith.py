class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return f"V{self.c}"
    def __add__(self, o):
        return V(*(a + b for a, b in zip(self.c, o.c)))
    def __sub__(self, o):
        return V(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k):
        return V(*(a * k for a in self.c))
    def __rmul__(self, k):
        return V(*(k * a for a in self.c))
    def __truediv__(self, k):
        return V(*(a / k for a in self.c))
    def __floordiv__(self, k):
        return V(*(a // k for a in self.c))
    def __mod__(self, k):
        return V(*(a % k for a in self.c))
    def __pow__(self, k, mod=None):
        return V(*(pow(a, k, mod) for a in self.c))
    def __neg__(self):
        return V(*(-a for a in self.c))
    def __pos__(self):
        return self
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __invert__(self):
        return V(*reversed(self.c))
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __divmod__(self, k):
        return (self // k, self % k)
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2, pow(b, 2, 5))
print(-a, +a, abs(b), ~a, a @ b, divmod(b, 2))
