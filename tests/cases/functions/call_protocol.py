class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, scale=1):
        return (self.n + x) * scale
a = Adder(5)
print(a(1), a(1, scale=3), callable(a))
class NoCall:
    pass
try:
    NoCall()()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = "str"
    s()
except TypeError as e:
    print(type(e).__name__, e)
bound = [1, 2, 3].index
print(bound(2), bound.__self__, bound.__name__)
m = a.__call__
print(m(2), type(m).__name__, m.__func__ is Adder.__call__, m.__self__ is a)
print(Adder.__call__(a, 3), type(Adder.__call__).__name__)
import sys
print(sys.getrecursionlimit() > 0)
