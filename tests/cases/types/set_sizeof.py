import sys
print(sys.getsizeof(set()), sys.getsizeof(frozenset()))
s = set()
sz = []
for i in range(40):
    sz.append(sys.getsizeof(s))
    s.add(i)
print(sz)
print(sys.getsizeof(set(range(10))), sys.getsizeof(frozenset(range(10))))
print(sys.getsizeof(set(range(100))), sys.getsizeof(set(range(1000))))
print(sys.getsizeof({1, 2, 3}), sys.getsizeof(frozenset('abc')))
print(sys.getsizeof(iter(set())))
print(set().__sizeof__())
