from enum import Enum, IntEnum, Flag, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = auto()
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, list(Color))
print(Color.RED is Color(1), Color.RED == 1, isinstance(Color.RED, Color), len(Color))
class N(IntEnum):
    ONE = 1
    TWO = 2
print(N.ONE + 1, N.TWO > N.ONE, int(N.TWO), sorted([N.TWO, N.ONE]))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, Perm.R in (Perm.R | Perm.X), bool(Perm.W & Perm.X))
try:
    Color(9)
except ValueError as e:
    print(type(e).__name__, e)
