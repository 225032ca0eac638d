import sys
for n in (0, 1, 2, 5, 10, 100):
    print(n, sys.getsizeof(tuple(range(n))))
print(sys.getsizeof(iter(())), sys.getsizeof(reversed(())))
import collections
P = collections.namedtuple('P', 'x y')
print(sys.getsizeof(P(1, 2)))
print(P(1, 2), P(1, 2)._asdict(), P._fields)
print(hash(P(1, 2)) == hash((1, 2)))
