print(True, False, True and False, True or False, not True, not 0, not [])
print(bool(0), bool(1), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool(0.0), bool({}))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" and 1, [] or {})
print(True == 1, False == 0, True is True, isinstance(True, int), True + 1, True & False, True | False, True ^ True)
print(repr(True), str(False), int(True), float(False), -True, ~True)
print(type(True), type(True).__mro__, bool.__name__)
def side(x):
    print("side", x)
    return x
print(side(0) and side(1))
print(side(1) or side(2))
print(side(0) or side(0) or side(3))
try:
    class C(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
