import sys
print(sys.getsizeof({}))
d = {}
sizes = []
for i in range(30):
    sizes.append(sys.getsizeof(d))
    d[i] = i
print(sizes)
d = {}
sizes = []
for i in range(30):
    sizes.append(sys.getsizeof(d))
    d[str(i)] = i
print(sizes)
print(sys.getsizeof(dict.fromkeys(range(100))))
print(sys.getsizeof(dict.fromkeys(map(str, range(100)))))
print(sys.getsizeof({1: 1}), sys.getsizeof({'a': 1}))
print(sys.getsizeof(dict(a=1, b=2)))
d = dict.fromkeys(range(100))
d.clear()
print(sys.getsizeof(d))
print({}.__sizeof__(), {1: 2}.__sizeof__())
print(sys.getsizeof({}.keys()), sys.getsizeof(iter({})))
