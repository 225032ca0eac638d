a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::3], a[::-1], a[8:2:-2], a[100:], a[-100:2])
print(a[slice(1, 4)], a[slice(None, None, -3)], slice(1, 2, 3), slice(5).indices(3), slice(None, None, -1).indices(5))
b = a[:]
b[2:5] = ["x"]; print(b)
b[::2] = "ABCDE"[:len(b[::2])]; print(b)
b[:] = []; print(b)
c = list(range(6))
del c[::2]; print(c)
c[1:1] = [7, 8]; print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a[::0]
except ValueError as e:
    print(type(e).__name__, e)
s = "abcdefg"
print(s[1:-1], s[::-2], s[5:1], (1, 2, 3, 4)[1::2], b"bytes"[1:3], range(10)[2:8:3])
try:
    a["x"]
except TypeError as e:
    print(type(e).__name__, e)
