# The evaluation loop's fast paths for word-sized ints and floats must give
# exactly what the generic number slots give, and leave every error and
# every overflow to them.
import sys

M = sys.maxsize
for x in (0, 1, -1, 5, -5, 7, 2**31, -2**31, 2**62, -2**62, M, -M - 1, 123456789):
    for y in (0, 1, 2, 3, 31, 32, 62, 63, 64, 65, 100):
        print(x, y, x << y, x >> y)
for x in (1, -1, 12345):
    for y in (-1, -64):
        for op in ("<<", ">>"):
            try:
                print(eval(f"{x} {op} {y}"))
            except ValueError as e:
                print(op, "ValueError:", e)

a = 5
a <<= 61
a >>= 3
print(a, type(a))

# int / int: exact operands under 2**53 are one division; larger ones are
# correctly rounded by the generic code.
for x in (0, 1, -1, 7, -7, 10, 2**53, 2**53 + 1, -2**53, 2**60, 3**30):
    for y in (1, -1, 2, 3, -3, 7, 2**53, 2**53 + 1, 10**17):
        print(x, y, repr(x / y))
for x in (0, 5, -5):
    try:
        print(x / 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
b = 9
b /= 2
print(b)

# float ** float and float ** int.
for x in (0.5, 2.0, 3.7, 1e-300, 1e300, 1.0, 10.0, 2.5, 1.5):
    for y in (-1.5, 0.5, 2, 3, 0.0, -2, 1e10, -1e10, 1000, 0.3333, -0.0):
        try:
            print(x, y, repr(x ** y))
        except OverflowError as e:
            print(x, y, "OverflowError:", e)
for x in (-2.0, 0.0, -0.0, float("inf"), float("-inf"), float("nan")):
    for y in (2, 0.5, -1, 3.0, float("inf"), float("nan")):
        try:
            print(x, y, repr(x ** y))
        except Exception as e:
            print(x, y, type(e).__name__, e)
c = 2.0
c **= 10
print(c)
print(2 ** 0.5, 2 ** -1, 10 ** 2, (-8) ** (1 / 3))


class F(float):
    def __pow__(self, other):
        return "F.__pow__"

    def __rlshift__(self, other):
        return "F.__rlshift__"


class I(int):
    def __lshift__(self, other):
        return "I.__lshift__"

    def __truediv__(self, other):
        return "I.__truediv__"


print(F(2.0) ** 3.0, 2.0 ** F(3.0), I(3) << 2, I(3) / 2, 1 << I(2), 3 / I(2))
print(True << 3, True / 2, 2.0 ** True)
