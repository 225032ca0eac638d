g = (x * x for x in range(5))
print(type(g).__name__, g.__name__, g.__qualname__, next(g), list(g), list(g))
print(sum(x for x in range(10) if x % 2), any(x > 3 for x in [1, 5]), all(x for x in []))
print(sorted((y for y in "hello"), reverse=True), tuple(c.upper() for c in "ab"))
print(dict((k, v) for k, v in [("a", 1)]), set(x % 2 for x in range(4)), "-".join(str(i) for i in range(3)))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
try:
    (1 / x for x in [1, 0])
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    list(x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
def lazy():
    print("first iter evaluated eagerly")
    return [1, 2]
gen = (v for v in lazy())
print("created")
print(list(gen))
