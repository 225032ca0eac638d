from itertools import *
import itertools
print(list(islice(count(5, 2), 4)), repr(count(3)), repr(count(1.5, 2)), repr(repeat('a', 3)))
print(list(islice(cycle('ab'), 5)), list(repeat(1, 3)))
print(list(accumulate([1,2,3,4])), list(accumulate([1,2,3], lambda a,b: a*b, initial=10)))
print(list(chain('ab', [1,2])), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('abcdef', [1,0,1,0,1,1])), list(dropwhile(lambda x: x<3, [1,2,3,1])), list(takewhile(lambda x: x<3, [1,2,3,1])))
print(list(filterfalse(None, [0,1,0,2])), [(k, list(g)) for k, g in groupby('aabbbc')])
print([(k, list(g)) for k, g in groupby([1,2,3,4,5], key=lambda x: x//2)])
print(list(islice('abcdefg', 2, None, 2)), list(islice('abcdefg', 3)), list(pairwise('abcd')))
print(list(starmap(pow, [(2,3),(3,2)])))
a, b = tee(iter([1,2,3]))
print(list(a), list(b))
print(list(zip_longest('ab', 'xyz', fillvalue='-')))
print(list(product('ab', range(2))), list(product([1,2], repeat=2)))
print(list(permutations('abc', 2)), list(combinations('abcd', 2)), list(combinations_with_replacement('abc', 2)))
print(list(permutations([])), list(combinations('ab', 3)), list(product()))
try: islice('a', -1)
except ValueError as e: print(e)
g = groupby('aab'); k, g1 = next(g); next(g); print(list(g1))
class C(chain): pass
print(list(C('ab','c')), type(count()).__name__)
a, b = itertools.tee(iter(range(10)), 2)
print(next(a), next(a), next(b), list(a), list(b))
x, y, z = itertools.tee('abc', 3); print(list(x), list(y), list(z))
c = itertools.tee(itertools.count(), 2)
p, q = c
for _ in range(100000): next(p); next(q)
print(next(p), next(q))
d1, d2 = itertools.tee([1,2,3]); d3 = d1.__copy__(); print(list(d1), list(d3), list(d2))
e1, e2 = itertools.tee([1,2]); del e2; print(list(e1))
print(itertools.tee([1], 0))
class Tracked:
    n = 0
    def __init__(self): Tracked.n += 1
    def __del__(self): Tracked.n -= 1
def gen():
    while True: yield Tracked()
f1, f2 = itertools.tee(gen())
for _ in range(1000): next(f1); next(f2)
print(Tracked.n < 100)
