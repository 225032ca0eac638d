def m(cmd):
    match cmd:
        case ["go", direction] | ["move", direction]:
            return direction
        case {"x": x, "y": y, **rest}:
            return x, y, rest
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case [first, *others]:
            return first, others
        case str() | bytes() as s:
            return s
        case None:
            return None
        case -1 | 1.5 | "s" | b"b":
            return 0
        case Color.RED:
            return 1
        case _:
            return 2
