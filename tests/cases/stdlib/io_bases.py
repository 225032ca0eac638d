import _io
class MyRaw(_io._RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n
r = MyRaw(b"hello\nworld\n")
print(r.read(3), r.readline(), r.readall(), r.closed)
r.close()
print(r.closed)
try:
    r.read()
except ValueError as e:
    print("closed:", e)
class S(_io.StringIO):
    pass
s = S("a\nb\n")
s.extra = 1
print(list(s), s.extra)
class T(_io._TextIOBase):
    pass
t = T()
for m in ("read", "readline", "write", "detach", "fileno", "seek", "truncate"):
    try:
        getattr(t, m)() if m not in ("write",) else t.write("x")
    except Exception as e:
        print(m, type(e).__name__, e)
print(t.encoding, t.errors, t.newlines, t.readable(), t.writable(), t.seekable())
with t as x:
    print(x is t)
print(t.closed)
b = _io.BytesIO(b"0123456789")
print(b.seek(-3, 2), b.read(), b.seek(100), b.read(), b.tell())
b.write(b"X")
print(b.getvalue())
ba = bytearray(4)
b.seek(0)
print(b.readinto(ba), ba)
try:
    b.seek(-1)
except ValueError as e:
    print(e)
try:
    b.write("s")
except TypeError as e:
    print(e)
s = _io.StringIO()
try:
    s.write(1)
except TypeError as e:
    print(e)
try:
    _io.StringIO(1)
except TypeError as e:
    print(e)
try:
    _io.StringIO(newline="x")
except ValueError as e:
    print(e)
s = _io.StringIO("abc")
s.seek(10)
s.write("z")
print(repr(s.getvalue()))
try:
    s.seek(1, 1)
except OSError as e:
    print(type(e).__name__, e)
print(_io.DEFAULT_BUFFER_SIZE, _io.BlockingIOError, _io.UnsupportedOperation.__mro__)
s = _io.StringIO("x\ny")
print(s.readline(1), s.readlines(), s.read(), s.tell())
