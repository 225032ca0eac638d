print(int(1e18), int(1e19), int(-1.5e10), float(2 ** 60), float(10 ** 20), float(-7))
print(int(float("1e308")) > 0, 2 ** 1023 * 2.0 if False else "", float(2 ** 1023))
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(1e16 + 1, 2 ** 53 + 1.0, 0.1 * 3, 1 / 3 * 3, 7 / 2 == 3.5, 10 / 5)
print(float.__floordiv__(7.0, 2.0), (7).__truediv__(2), (2 ** 70) / (2 ** 69), (10 ** 30) / 7)
