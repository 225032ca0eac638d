def gen(n, name):
    for i in range(n):
        yield i
    print('exhausted', name)
try:
    for x in zip(gen(2, 'a'), gen(3, 'b'), strict=True):
        print(x)
except ValueError as e:
    print(e)
try:
    for x in zip(gen(3, 'a'), gen(2, 'b'), strict=True):
        print(x)
except ValueError as e:
    print(e)
print(list(zip(gen(2, 'a'), gen(3, 'b'))))
print(list(zip(gen(3, 'a'), gen(2, 'b'))))
z = zip('a', 'bc', strict=True)
print(next(z))
try:
    next(z)
except ValueError as e:
    print(e)
try:
    next(z)
except StopIteration:
    print('stop')
print(dict(zip('abc', range(3), strict=True)))
a = [1, 2, 3]
print(list(zip(*zip(a, a[1:]))))
