class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError
        return "abc"[i]
print(list(reversed(Seq())), list(Seq()), "b" in Seq())
class NoRev:
    def __iter__(self):
        return iter([1])
try:
    reversed(NoRev())
except TypeError as e:
    print(type(e).__name__, e)
class IterNone:
    __iter__ = None
try:
    iter(IterNone())
except TypeError as e:
    print(type(e).__name__, e)
