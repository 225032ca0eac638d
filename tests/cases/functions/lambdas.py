sq = lambda x: x * x
print(sq(5), (lambda: "noargs")(), (lambda *a, **k: (a, k))(1, b=2), (lambda x=3: x)())
print(sq.__name__, sq.__qualname__, (lambda: 0).__code__.co_name)
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x: x + 1, [1, 2])))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
