def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(v(1) < v(2) < v(3))
print(v(1) < v(0) < v(3))
print(v(1) < v(5) > v(2) == v(2))
x = 5
print(0 <= x < 10, 0 <= x < 5, x in [5] in [[5]], x is not None is not False)
print(1 < 2 in [2, 3], "a" < "b" < "c" < "d", 1 < 2 > 1 < 2)
