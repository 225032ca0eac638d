class Both:
    def __bool__(self):
        print("bool called")
        return False
    def __len__(self):
        print("len called")
        return 5
print(bool(Both()), len(Both()))
class LenOnly:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(LenOnly(0)), bool(LenOnly(3)), "yes" if LenOnly(1) else "no")
class Plain:
    pass
print(bool(Plain()))
class BigLen:
    def __len__(self):
        return 2 ** 70
try:
    len(BigLen())
except OverflowError as e:
    print(type(e).__name__, e)
class StrLen:
    def __len__(self):
        return "5"
try:
    len(StrLen())
except TypeError as e:
    print(type(e).__name__, e)
