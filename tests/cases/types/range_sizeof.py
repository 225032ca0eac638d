import sys
print(sys.getsizeof(range(0)), sys.getsizeof(range(10**30)), sys.getsizeof(iter(range(3))), sys.getsizeof(iter(range(10**30))))
print(sys.getsizeof(slice(1)), sys.getsizeof(None), sys.getsizeof(...), sys.getsizeof(NotImplemented))
print(sys.getsizeof(object()), sys.getsizeof(True), sys.getsizeof(enumerate([])))
print(sys.getsizeof(zip()), sys.getsizeof(map(len, [])), sys.getsizeof(filter(None, [])))
print(sys.getsizeof(reversed([])), sys.getsizeof(reversed(range(2))))
class A:
    pass
print(sys.getsizeof(A()), sys.getsizeof(A))
class B:
    __slots__ = ('x', 'y')
print(sys.getsizeof(B()))
print(sys.getsizeof(property()), sys.getsizeof(classmethod(len)), sys.getsizeof(staticmethod(len)))
print(sys.getsizeof(super(A, A())))
