print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 % -2)
print(2.0 ** 10, 2.0 ** -1, 4 ** 0.5, (-8) ** (1 / 3) if False else "skip")
print(divmod(7.5, 2), divmod(-7.5, 2))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 2))
print(1e300 * 1e10, -1e300 * 1e10, 1e-320, 5e-324)
print(float("inf"), float("-inf"), float("nan"), float(" 1.5 "), float("1e3"))
print(abs(-2.5), -0.0, 0.0 == -0.0, 3 * 0.1)
print(int(2.5), round(2.5), round(3.5), round(-2.5), round(2.675, 2))
print(round(123.456, -1), round(123.456, 1), round(5), type(round(2.5)))
print((2.5).is_integer(), (2.0).is_integer(), (0.5).as_integer_ratio())
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    float("abc")
except ValueError as e:
    print(type(e).__name__, e)
