class N:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __index__(self):
        return 3
    def __complex__(self):
        return 1j
    def __bool__(self):
        return False
    def __str__(self):
        return "str-N"
    def __repr__(self):
        return "repr-N"
    def __format__(self, spec):
        return "fmt-" + spec
    def __bytes__(self):
        return b"bytes-N"
    def __round__(self, n=None):
        return ("round", n)
    def __trunc__(self):
        return 9
n = N()
print(int(n), float(n), complex(n), bool(n), str(n), repr(n), format(n, "x"), bytes(n))
print([0, 1, 2, 3, 4][n], hex(n), bin(n), round(n), round(n, 2), f"{n}", f"{n!r}", f"{n!s}")
print(range(10)[n], "abcd"[n], operator_index if False else "")
class BadStr:
    def __str__(self):
        return 5
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
