t = (1, 2, 3)
it = iter(t)
print(type(it).__name__, it.__length_hint__(), next(it), list(it), it.__length_hint__())
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
it = iter(t)
it.__setstate__(1)
print(list(it))
print(it.__reduce__())
r = reversed(t)
print(type(r).__name__, list(r))
a, *b, c = (1, 2, 3, 4)
print(a, b, c)
try:
    x, y = (1, 2, 3)
except ValueError as e:
    print(e)
try:
    x, y, z = (1, 2)
except ValueError as e:
    print(e)
try:
    x, *y, z = (1,)
except ValueError as e:
    print(e)
try:
    x, y = 5
except TypeError as e:
    print(e)
class T(tuple):
    pass
print(T((1, 2)), type(T((1,)) + (2,)).__name__, T() == ())
class U(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
print(U(1, 2), U(1, 2)[1])
