import _io
s = _io.StringIO("hello\nworld\n")
print(s.read(3), repr(s.readline()), s.tell())
print(list(s))
s.seek(0)
print(s.readlines())
s.write("xyz")
print(repr(s.getvalue()))
s.truncate(4)
print(repr(s.getvalue()), s.tell())
with _io.StringIO() as f:
    print("a", "b", file=f)
    print(repr(f.getvalue()), f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(e)
b = _io.BytesIO(b"ab\ncd")
print(b.read(1), b.readline(), b.read(), b.tell())
b.seek(-2, 2); print(b.read())
b.write(b"ZZ"); print(b.getvalue())
print(issubclass(_io.UnsupportedOperation, OSError), issubclass(_io.UnsupportedOperation, ValueError))
try:
    _io.StringIO().fileno()
except _io.UnsupportedOperation as e:
    print("unsup", e)
s = _io.StringIO("a\r\nb\rc\n", newline=None)
print(repr(s.getvalue()), s.newlines)
s = _io.StringIO("a\r\nb\rc\n", newline="")
print(s.readlines())
s = _io.StringIO("a\nb", newline="\r\n")
print(repr(s.getvalue()))
import _io as io
print(io.StringIO, io.BytesIO, isinstance(io.StringIO(), io._TextIOBase))
