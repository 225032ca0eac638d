def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
a = list(range(10))
a[2:5] = ['x']
print(a)
a[::2] = 'ABCD'
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print(e)
try:
    a[::2] = 1
except TypeError as e:
    print(e)
try:
    a[1:2] = 1
except TypeError as e:
    print(e)
a[len(a):] = [99]
print(a)
a[:] = a
print(a)
a[1:3] = a
print(a)
del a[::3]
print(a)
del a[-2:]
print(a)
del a[100:]
try:
    del a[100]
except IndexError as e:
    print(e)
try:
    a[100] = 1
except IndexError as e:
    print(e)
b = list(range(10))
b[8:2:-2] = 'abc'
print(b)
b[5:2] = [7, 7]
print(b)
t(lambda: b[1:8:3])
t(lambda: b[-100:100])
t(lambda: b[None:None:None])
t(lambda: b[slice(2, None)])
t(lambda: b['a':])
t(lambda: b[:2**100])
t(lambda: b[2**100])
class I:
    def __index__(self):
        return 2
t(lambda: b[I()])
t(lambda: b[I():I()+3])
c = [1, 2, 3]
c[::-1] = c
print(c)
