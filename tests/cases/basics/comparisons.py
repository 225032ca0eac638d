print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print("a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] == [], () == ())
print(None == None, None is None, None != 0, None is not None)
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1} > set(), {1: 2} == {1: 2})
print([1, [2, 3]] == [1, [2, 3]], (1, 2) == [1, 2], 1 == "1")
for a, b in [(1, "1"), ([1], (1,)), (None, 1), ({}, {})]:
    try:
        print(a < b)
    except TypeError as e:
        print(type(e).__name__, e)
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, [nan] == [nan], nan in [nan])
