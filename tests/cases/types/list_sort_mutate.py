a = list(range(10))
def key(x):
    if x == 5:
        a.append(100)
    return -x
try:
    a.sort(key=key)
except ValueError as e:
    print('ValueError', e)
print(a)
b = [3, 1, 2]
def k2(x):
    print('len during sort', len(b))
    return x
b.sort(key=k2)
print(b)
class C:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        c.clear()
        return self.v < o.v
    def __repr__(self):
        return 'C(%d)' % self.v
c = [C(2), C(1), C(3)]
try:
    c.sort()
except ValueError as e:
    print('ValueError', e)
print(c)
class E:
    def __lt__(self, o):
        raise KeyError('boom')
d = [E(), E(), 1]
try:
    d.sort()
except KeyError as e:
    print('KeyError', e)
print(len(d))
def badkey(x):
    raise ZeroDivisionError('k')
e = [1, 2]
try:
    e.sort(key=badkey)
except ZeroDivisionError as ex:
    print(ex, e)
