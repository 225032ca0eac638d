for i, c in enumerate("abc"):
    print(i, c)
for i, c in enumerate("ab", start=10):
    print(i, c)
print(list(zip("abc", range(5))), list(zip(*[(1, 2), (3, 4)])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
e = enumerate([5, 6])
print(next(e), next(e), next(e, None))
print(dict(enumerate("xy")), list(map(pow, [2, 3], [3, 2])))
