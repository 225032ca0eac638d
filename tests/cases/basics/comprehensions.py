print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print({x: x * x for x in range(4)}, {x % 4 for x in range(10)})
print(list(x + 1 for x in range(3)), sum(x for x in range(101)))
print([[y for y in range(x)] for x in range(4)])
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)], [v for row in m for v in row])
x = "outer"
print([x for x in "ab"], x)
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print([i if i % 2 else -i for i in range(5)], [f(3) for f in [lambda n: n + 1, lambda n: n * 2]])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
n = 10
print([n * i for i in range(3)], [(lambda: n)() for _ in range(2)])
class K:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
print(K.doubled)
