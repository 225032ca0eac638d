from functools import reduce, partial, lru_cache, wraps, total_ordering, cmp_to_key
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 0))
p = partial(int, base=2)
print(p("1010"), p.func.__name__, p.keywords)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
def deco(f):
    @wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def documented():
    "docs"
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) >= V(0), V(1) > V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
