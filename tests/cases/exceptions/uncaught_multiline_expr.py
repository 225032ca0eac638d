def f(a, b, c):
    return a + b + c
result = f(
    1,
    2,
    None,
) if True else 0
