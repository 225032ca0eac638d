def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
t(lambda: a | b)
t(lambda: b | a)
t(lambda: a | [('q', 1)])
t(lambda: a | 1)
t(lambda: [('q', 1)] | a)
c = dict(a)
c |= b
print(c)
c |= [('w', 0)]
print(c)
try:
    c |= 5
except TypeError as e:
    print(e)
try:
    c |= [1]
except TypeError as e:
    print(e)
class D(dict):
    pass
print(type(D(a) | b).__name__, type(a | D(b)).__name__)
import collections
print(collections.OrderedDict(a) | b)
print(a.__or__(b), a.__or__(1), a.__ror__(b))
