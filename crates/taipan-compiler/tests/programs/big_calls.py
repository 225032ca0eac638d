f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32)
g(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9, j=10, k=11, l=12, m=13, n=14, o=15, p=16)
x = [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, aa, bb, cc, dd, ee, ff]
d = {"a": 1, "b": 2, **extra, "c": 3}
s = "%s and %r" % (a, b)
t = "%-10s|%5.2s" % (a, b)
u = 2 ** -3
v = (1, 2) * 3
w = "ab" * 3
y = not (a in b)
z = x in [1, 2, 3]
for q in [a, b]:
    pass
for r in {1, 2}:
    pass
