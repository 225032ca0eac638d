import sys
m = memoryview(b'abc')
print(sys.getsizeof(m), m.__sizeof__())
print(sys.getsizeof(memoryview(bytes(100)).cast('B', (10, 10))))
print(sys.getsizeof(b''), sys.getsizeof(b'abc'), sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b'abc')))
print(type(m).__module__, type(m).__qualname__, memoryview.__doc__[:30])
print(memoryview.__hash__ is not None, hasattr(memoryview, '__buffer__'))
