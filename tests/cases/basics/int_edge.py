print(0 == -0, -0, 10 // 3 * 3 + 10 % 3, (-10) // 3 * 3 + (-10) % 3)
print(2 ** 62, 2 ** 63, 2 ** 64, -(2 ** 62) - 2 ** 62, (2 ** 63 - 1) + 1)
print(9223372036854775807 * 2, -9223372036854775808 - 1, (1 << 62) * 4)
print(abs(-(2 ** 63)), -(-(2 ** 63)), (2 ** 64) // -3, (2 ** 64) % -3)
print(1000000 * 1000000, 123456789 * 987654321, 99999 ** 5)
try:
    1 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
print(pow(2, -2), type(pow(2, -2)).__name__, 0 ** 0, (-1) ** 0.5)
