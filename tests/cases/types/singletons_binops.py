class A:
    def __add__(self, o):
        print('A.add')
        return NotImplemented
    def __radd__(self, o):
        print('A.radd')
        return NotImplemented
    def __eq__(self, o):
        print('A.eq')
        return NotImplemented
try:
    A() + A()
except TypeError as e:
    print(e)
try:
    1 + A()
except TypeError as e:
    print(e)
print(A() == A(), A() != A())
a = A()
print(a == a)
class B:
    def __lt__(self, o):
        return NotImplemented
try:
    B() < B()
except TypeError as e:
    print(e)
print(type(NotImplemented).__name__, repr(NotImplemented))
print(None is None, type(None) is type(None)())
print(Ellipsis is ..., repr(...), str(Ellipsis))
x = [1, 2]
print(x[...] if hasattr(x, '__class_getitem__') and False else 'skip')
try:
    x[...]
except TypeError as e:
    print(e)
print(hash(NotImplemented) == hash(NotImplemented))
print(NotImplemented.__class__.__mro__, type(...).__mro__)
