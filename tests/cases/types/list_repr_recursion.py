a = [1]
a.append(a)
print(a, repr(a), str(a))
b = [a, a]
print(b)
d = {'k': a}
a.append(d)
print(a)
t = (a,)
print(t)
s = [[[[[]]]]]
print(s)
import sys
deep = []
cur = deep
for i in range(100000):
    n = []
    cur.append(n)
    cur = n
try:
    repr(deep)
except RecursionError as e:
    print('RecursionError', e)
x = [1, 2]
x.append(x)
print(x == x, len(x))
