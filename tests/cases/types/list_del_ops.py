a = list(range(10))
del a[0]
del a[-1]
print(a)
del a[2:4]
print(a)
del a[::2]
print(a)
try:
    del a[10]
except IndexError as e:
    print(e)
try:
    del a['x']
except TypeError as e:
    print(e)
b = [1, 2, 3]
del b[:]
print(b, len(b))
c = list('abcdef')
del c[-2::-2]
print(c)
d = [0] * 5
d[1:4] = []
print(d)
e = [1, 2, 3]
e[len(e):len(e)] = [4, 5]
e[:0] = [0]
print(e)
