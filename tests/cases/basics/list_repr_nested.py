a = [1, "two", 3.0, None, True, (4,), [5, [6]], {"k": "v"}, {7}, b"8"]
print(a)
print(repr(a), str(a))
b = []
b.append(b)
print(b, [b, b])
d = {}
d["self"] = d
print(d)
print([[1, 2], [3, 4]][1][0], len([[]]), [] is [], [()])
print(list(range(5)), list("ab"), list((1, 2)), list({1: 2, 3: 4}), list())
print(list(map(str, [1, 2])), list(zip([1, 2], "ab")), list(enumerate("xy", 1)), list(reversed([1, 2, 3])))
print(sorted([3, 1, 2]), sorted("cba", reverse=True), sorted([(2, "a"), (1, "b")]), sorted([-3, 2, 1], key=abs))
