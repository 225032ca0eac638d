def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
ba = bytearray(16)
m = memoryview(ba)
i = m.cast('i')
i[0] = 1
i[1] = -1
t(lambda: i.__setitem__(2, 2**40))
t(lambda: i.__setitem__(2, 'x'))
t(lambda: i.__setitem__(2, 1.5))
print(ba)
h = m.cast('H')
h[7] = 65535
t(lambda: h.__setitem__(6, 65536))
t(lambda: h.__setitem__(6, -1))
d = m.cast('d')
d[1] = 2.5
t(lambda: d.tolist())
t(lambda: d.__setitem__(0, 'x'))
c = m.cast('c')
c[0] = b'Z'
t(lambda: c.__setitem__(1, b'ab'))
t(lambda: c.__setitem__(1, 65))
print(ba[:4])
b = m.cast('?')
b[0] = True
t(lambda: b.__setitem__(1, 0))
print(ba[:2])
f = m.cast('f')
f[0] = 1e100
t(lambda: f[0])
t(lambda: f.__setitem__(0, 1e300 * 10))
t(lambda: f[0])
q = m.cast('b')
t(lambda: q.__setitem__(0, 128))
t(lambda: q.__setitem__(0, -129))
q[0] = -128
print(ba[0])
g = m.cast('B', (4, 4))
t(lambda: g.__setitem__((0, 0), 9))
t(lambda: g[1, 2])
t(lambda: g.__setitem__(0, 1))
t(lambda: g[0:1].tolist())
m[0:4] = memoryview(b'wxyz')
print(ba[:4])
m[0:4] = bytearray(b'abcd')
print(ba[:4])
m[4:8] = m[0:4]
print(ba[:8])
t(lambda: m.__setitem__(slice(0, 4), i[0:1]))
