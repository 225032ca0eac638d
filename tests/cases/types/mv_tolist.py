import struct
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
raw = struct.pack('<4h', 1, -2, 300, -32768)
m = memoryview(raw)
t(lambda: m.cast('h').tolist())
t(lambda: m.cast('H').tolist())
t(lambda: m.cast('b').tolist())
t(lambda: m.cast('l').tolist())
t(lambda: m.cast('c').tolist()[:2])
t(lambda: memoryview(struct.pack('<2f', 1.5, -0.25)).cast('f').tolist())
t(lambda: memoryview(struct.pack('<d', 3.25)).cast('d').tolist())
t(lambda: memoryview(b'\x00\x01\x02').cast('?').tolist())
t(lambda: list(memoryview(raw).cast('h')))
t(lambda: [x for x in memoryview(b'xyz').cast('c')])
t(lambda: memoryview(bytes(8)).cast('P').tolist())
t(lambda: memoryview(raw).cast('h').hex())
t(lambda: memoryview(raw).cast('h')[1:3].tobytes())
t(lambda: memoryview(raw).cast('h')[::-1].tolist())
t(lambda: memoryview(b'').tolist())
t(lambda: memoryview(b'').cast('i').tolist())
t(lambda: memoryview(b'ab').cast('B', (2, 1)).tolist())
