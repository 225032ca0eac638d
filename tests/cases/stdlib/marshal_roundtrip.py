import marshal
vals = list([None, True, False, ..., StopIteration, 0, 1, -1, 2**31-1, 2**31, -2**31, -2**31-1, 2**100, -2**100, 1.5, -0.0, float('inf'), 1+2j,
        b'', b'abc', 'abc', 'héllo', '\u20ac', '\ud800x', 'x'*300, (), (1,), tuple([1, 'a', 2.5]), [1, [2, 3]], {'a': 1, 2: [3]}, {1, 2, 3}, frozenset(), frozenset({'a'}),
        bytearray(b'xy'), [], {}])
for v in vals:
    d = marshal.dumps(v)
    print(repr(v)[:40], d[:60], marshal.loads(d) == v or repr(marshal.loads(d)))
for ver in range(5):
    print(ver, marshal.dumps(tuple([1, 'a', 1.5, 2j, tuple(['x', 'x'])]), ver))
l = [1]
t = marshal.loads(marshal.dumps([l, l]))
print(t, t[0] is t[1])
s = 'shared string not interned!'
print(marshal.dumps([s, s]))
for bad in [b'', b'i\x01', b'l\x02\x00\x00\x00\x01\x00\x00\x00', b'\x99', b'r\x00\x00\x00\x00', b'0', b'(\x01\x00\x00\x000', b'{i\x01\x00\x00\x00', b'l\x01\x00\x00\x00\xff\xff']:
    try:
        print(marshal.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [object(), [object()], lambda: 0]:
    try:
        marshal.dumps(bad)
    except Exception as e:
        print(type(e).__name__, e)
x = []
for i in range(3000):
    x = [x]
try:
    marshal.dumps(x)
except Exception as e:
    print(type(e).__name__, e)
try:
    marshal.loads(b'[\x01\x00\x00\x00' * 2100 + b'N')
except Exception as e:
    print(type(e).__name__, e)
import io
f = io.BytesIO()
marshal.dump([1, 2], f); marshal.dump('abc', f)
f.seek(0)
print(marshal.load(f), marshal.load(f))
try:
    marshal.load(f)
except EOFError as e:
    print('EOFError', e)
code = compile('def f(a, b=2):\n    return a + b\nprint(f(1))\n', 'mod.py', 'exec')
c2 = marshal.loads(marshal.dumps(code))
exec(c2)
print(c2.co_names, c2.co_consts[0].co_varnames, c2.co_filename)
print(marshal.version)
print(marshal.dumps({3, 1, 2}))
print(marshal.dumps({'b', 'a', 'c'}))
print(marshal.loads(marshal.dumps(10**50)) == 10**50, marshal.loads(marshal.dumps(-10**50)))
try:
    marshal.dumps(1, 2, 3)
except TypeError as e:
    print(e)
try:
    marshal.loads('abc')
except TypeError as e:
    print(e)
