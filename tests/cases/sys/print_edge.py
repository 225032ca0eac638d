print()
print("")
print(None, True, 1.0, [None])
print(1, 2, 3, sep=None, end=None)
try:
    print(sep=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(end=[])
except TypeError as e:
    print(type(e).__name__, e)
class NoStr:
    def __str__(self):
        raise RuntimeError("no str")
try:
    print(NoStr())
except RuntimeError as e:
    print(type(e).__name__, e)
print("\t|tab", "nul:\x00|")
