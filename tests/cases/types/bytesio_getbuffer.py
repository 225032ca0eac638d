import io, pickle
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
b = io.BytesIO(b'abcdef')
m = b.getbuffer()
t(lambda: (m.format, m.itemsize, m.shape, m.readonly, m.nbytes, bytes(m)))
m[0] = ord('X')
t(lambda: b.getvalue())
t(lambda: b.write(b'zz'))
t(lambda: b.truncate(1))
t(lambda: b.close())
t(lambda: b.__init__(b''))
t(lambda: b.read(3))
t(lambda: b.seek(0))
m2 = b.getbuffer()
m.release()
t(lambda: b.write(b'q'))
del m2
t(lambda: b.write(b'q'))
t(lambda: b.getvalue())
with b.getbuffer() as v:
    t(lambda: v.tolist())
t(lambda: b.truncate(0))
t(lambda: bytes(b.getbuffer()))
b.close()
t(lambda: b.getbuffer())
t(lambda: type(memoryview(io.BytesIO(b'x').getbuffer()).obj).__name__)
t(lambda: pickle.loads(pickle.dumps(len)))

t(lambda: [].append.__reduce__()[0].__name__)
t(lambda: type(pickle.loads(pickle.dumps([].append))).__name__)
t(lambda: len.__reduce__())
it = iter('abc'); next(it)
t(lambda: it.__reduce__())
t(lambda: list(pickle.loads(pickle.dumps(it))))
it.__setstate__(10); t(lambda: list(it))
it = iter('\u20acx'); it.__setstate__(-5); t(lambda: list(it))
t(lambda: it.__reduce__())
