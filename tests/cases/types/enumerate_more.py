e = enumerate('abc', 2**63 - 2)
print(list(e))
e = enumerate(['x'], -2**64)
print(list(e))
class E(enumerate):
    pass
print(list(E('ab', 1)), type(E('a')).__name__)
for i, (a, b) in enumerate(zip('xy', 'zw'), start=1):
    print(i, a, b)
it = enumerate(iter([10, 20]))
print(next(it), it.__reduce__()[1][1])
print(dict(enumerate('hey')))
print(enumerate.__doc__.splitlines()[0])
g = (x for x in range(3))
en = enumerate(g)
print(next(en), list(g), list(en))
