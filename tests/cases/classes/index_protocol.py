class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
l = list(range(10))
print(l[Idx(3)], l[Idx(1):Idx(4)], "abcdef"[Idx(-1)], bin(Idx(5)), range(Idx(3)), [0] * Idx(2))
print(hex(Idx(255)), (1, 2, 3)[Idx(0)], int.__index__(7), int(Idx(9)) if hasattr(Idx, "__int__") else "no __int__")
class NotIdx:
    pass
try:
    l[NotIdx()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    [0] * NotIdx()
except TypeError as e:
    print(type(e).__name__, e)
class BadIdx:
    def __index__(self):
        return "x"
try:
    l[BadIdx()]
except TypeError as e:
    print(type(e).__name__, e)
