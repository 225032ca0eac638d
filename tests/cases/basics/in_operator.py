print(1 in [1, 2], 3 in (1, 2), "a" in "cat", "at" in "cat", "k" in {"k": 1}, 1 in {1: "v"}, 2 in {1, 2})
print(5 in range(10), 5.0 in range(10), 5.5 in range(10), None in [None], [] in [[]])
class C:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
print(1 in C(), 2 not in C())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] in {}
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
