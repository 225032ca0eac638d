class C:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"C({self.v})"
    def __eq__(self, o):
        print("eq", self, o)
        return isinstance(o, C) and self.v == o.v
    def __lt__(self, o):
        print("lt", self, o)
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    __hash__ = None
print(C(1) == C(1), C(1) != C(2), C(1) < C(2), C(2) > C(1), C(1) <= C(1), C(3) >= C(2))
print(C(1) == 1, 1 == C(1))
class OnlyEq:
    def __eq__(self, o):
        return True
print(OnlyEq() != 5, OnlyEq() == None)
try:
    OnlyEq() < OnlyEq()
except TypeError as e:
    print(type(e).__name__, e)
class Rev:
    def __gt__(self, o):
        print("Rev.__gt__")
        return "gt-result"
print(5 < Rev())
print(sorted([C(3), C(1), C(2)]))
