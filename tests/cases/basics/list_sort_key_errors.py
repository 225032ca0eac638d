data = [3, "a"]
try:
    sorted(data)
except TypeError as e:
    print(type(e).__name__, e)
def bad_key(v):
    raise ValueError("key failed")
try:
    sorted([1, 2], key=bad_key)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [2, 1].sort(cmp=None)
except TypeError as e:
    print(type(e).__name__, e)
l = [3, 1, 2]
print(l.sort(), l, sorted(l, reverse=True), sorted([]), sorted([[2], [1, 5], [1]]))
