import sys
print(sys.getsizeof({i: i for i in range(10)}), sys.getsizeof(set(range(10))), sys.getsizeof(tuple(range(10))))
print(sys.getsizeof(dict.fromkeys(range(100))), sys.getsizeof(list(range(100))))
print(sys.getsizeof(iter([])), sys.getsizeof(range(100)), sys.getsizeof(slice(1, 2)))
def f(): pass
print(sys.getsizeof(f) > 0, sys.getsizeof(int) > 0)
