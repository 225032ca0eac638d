a = []
for i in range(10):
    a.insert(i // 2, i)
print(a)
a.insert(-3, 'm')
print(a)
print([a.pop(i) for i in (0, -1, 3)], a)
b = list(range(5))
b[1:1] = ['x', 'y']
print(b)
b[-1:] = []
print(b)
print(b.remove('x'), b)
c = [1, 2, 1, 2]
c.remove(2)
print(c)
class E:
    def __eq__(self, o):
        raise ValueError('eq')
try:
    [E()].remove(1)
except ValueError as e:
    print(e)
try:
    [E()].index(1)
except ValueError as e:
    print(e)
try:
    1 in [E()]
except ValueError as e:
    print(e)
