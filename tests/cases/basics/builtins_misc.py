print(len("abc"), len([1]), len({}), abs(-3), min(3, 1, 2), max("a", "b"), sum([0.5, 0.5]))
print(all([]), any([]), all([1, 0]), any([0, 1]), list(filter(None, [0, 1, "", "a"])))
print(sorted({3: 1, 1: 2}), reversed([1, 2]).__class__.__name__, list(zip()), list(zip([1], [2], [3])))
print(isinstance(1, (str, int)), issubclass(bool, int), callable(len), callable(1))
print(repr(range(5)), range(1, 10, 2)[::-1], len(range(0, 100, 7)), 49 in range(0, 100, 7), range(3) == range(0, 3))
print(divmod(7, 2), round(7 / 3, 3), hex(255), oct(8), bin(5), chr(65), ord("A"))
print(type(1).__name__, type("").__name__, type([]).__name__, type(len).__name__, type(type).__name__)
print(getattr(1, "real"), getattr(1, "nope", "dflt"), hasattr("", "upper"), hasattr(1, "x"))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])), list(iter([1, 2])), next(iter("xy")))
print(min([], default="empty"), max([1, 3, 2], key=lambda v: -v), min("b", "a", key=str.upper))
it = iter([1])
print(next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
print(id(1) == id(1), vars(type("X", (), {"a": 1}))["a"], dir(object())[:3])
