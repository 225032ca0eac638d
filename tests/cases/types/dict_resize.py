import sys
d = {}
for i in range(1000):
    d[i] = i
for i in range(995):
    del d[i]
print(d, sys.getsizeof(d))
d[5000] = 1
print(list(d), sys.getsizeof(d))
e = dict.fromkeys(range(5))
for i in range(200):
    e[('k', i)] = i
    del e[('k', i)]
print(e, sys.getsizeof(e))
c = {i: i for i in range(100)}
for i in range(90):
    del c[i]
print(sys.getsizeof(c), sys.getsizeof(c.copy()), sys.getsizeof(dict(c)))
print(c.copy())
s = {str(i): i for i in range(20)}
print(s)
