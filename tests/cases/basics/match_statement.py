def describe(x):
    match x:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float():
            return "number"
        case "a" | "b":
            return "a or b"
        case str(s):
            return f"string {s!r}"
        case [a, b]:
            return f"pair {a} {b}"
        case [first, *rest]:
            return f"seq first={first} rest={rest}"
        case {"type": t, **others}:
            return f"mapping type={t} others={others}"
        case None:
            return "none"
        case _:
            return "other"
for v in [0, -3, 2.5, "a", "zz", [1, 2], (1, 2, 3), {"type": "x", "k": 1}, None, {1}, []]:
    print(repr(v), "->", describe(v))
