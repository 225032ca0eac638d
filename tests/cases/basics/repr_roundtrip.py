values = [0, -12, 3.25, 1e-7, "s'q\"", b"\x00b", (1,), [None], {"a": (1, 2)}, {1.5}, frozenset({1}), True, None, 2 ** 70, -0.0, float("inf")]
for v in values:
    r = repr(v)
    try:
        same = eval(r) == v
    except Exception as e:
        same = type(e).__name__
    print(r, same)
