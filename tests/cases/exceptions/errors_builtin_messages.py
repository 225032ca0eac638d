NONE, SET, LST = None, {1, 2}, [1]
tests = [
    lambda: 1 + "a", lambda: "a" + 1, lambda: [] + (), lambda: 1 < "x", lambda: -"a",
    lambda: LST[1.5], lambda: {}[[]], lambda: "abc".nope, lambda: (1).x, lambda: len(5),
    lambda: int("1.5"), lambda: [1, 2].index(3), lambda: "a" * "b", lambda: 2 ** "x",
    lambda: NONE[0], lambda: object() + 1, lambda: iter(1), lambda: dict([1]), lambda: SET[0],
    lambda: (1, 2).append(3), lambda: float("x"), lambda: 10 % 0, lambda: divmod(1, 0),
    lambda: "{} {}".format(1), lambda: "x".join([1]), lambda: sum(["a"]), lambda: chr(-1),
    lambda: list.append(1, 2), lambda: str.upper(5), lambda: setattr(1, "x", 2),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
