import sys
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2, 3]))
a = []
s = []
for i in range(40):
    s.append(sys.getsizeof(a))
    a.append(i)
print(s)
print(sys.getsizeof(list(range(10))), sys.getsizeof([0] * 10), sys.getsizeof([x for x in range(10)]))
print(sys.getsizeof(list(range(100))))
a = list(range(100))
while len(a) > 3:
    a.pop()
print(sys.getsizeof(a))
b = [1, 2, 3]
b.extend(range(10))
print(sys.getsizeof(b))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)), sys.getsizeof(tuple(range(100))))
print([].__sizeof__(), ().__sizeof__())
print(sys.getsizeof(iter([])), sys.getsizeof(reversed([])))
