a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
[x, y] = 'xy'
print(x, y)
first, *_, last = range(10)
print(first, last, _)
t = ()
try:
    (q,) = t
except ValueError as e:
    print(e)
def f(*args):
    return args
print(f(), f(1), f(*[1, 2], *(3,)))
print(tuple(zip(*[(1, 'a'), (2, 'b')])))
print((1, 2) * 2 + (3,))
print(max((1, 2), (1, 2, 0)))
print(tuple(reversed((1, 2, 3))), (1, 2, 3)[::-1])
