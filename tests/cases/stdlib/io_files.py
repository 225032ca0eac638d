import _io
p = "/tmp/taipan_io_case_file.txt"
with _io.open(p, "w") as f:
    print(f)
    f.write("line1\nline2\r\nline3")
    print(f.buffer, f.buffer.raw, f.encoding, f.mode, f.name)
with _io.open(p) as f:
    print(f.read())
with _io.open(p, newline="") as f:
    print(f.readlines())
with _io.open(p, "rb") as f:
    print(f.read(3), f.readline(), f.tell(), f.read())
with _io.open(p, "rb", buffering=0) as f:
    print(f, f.read())
with _io.open(p) as f:
    for line in f:
        print(repr(line))
    print(f.newlines)
with _io.open(p) as f:
    print(repr(f.read(4)), f.tell(), repr(f.readline()), f.tell())
    f.seek(2)
    print(repr(f.read()))
with _io.open(p, "a") as f:
    f.write("\nappended\n")
with _io.open(p, "r+") as f:
    print(repr(f.read()))
    f.seek(0)
    f.write("LINE")
    f.seek(0)
    print(repr(f.readline()))
for m in ["rw", "rr", "z", "bt", "U", "b", "+"]:
    try:
        _io.open(p, m)
    except Exception as e:
        print(type(e).__name__, e)
for kw in [dict(mode='rb', encoding='utf-8'), dict(mode='rb', errors='x'), dict(mode='rb', newline=''), dict(mode='r', buffering=0), dict(mode='r', newline='x')]:
    try:
        _io.open(p, **kw)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _io.open("/nonexistent/x")
except OSError as e:
    print(type(e).__name__, e, e.errno, e.filename)
try:
    _io.open("/tmp")
except OSError as e:
    print(type(e).__name__, e)
try:
    _io.open(p, "x")
except OSError as e:
    print(type(e).__name__, e)
f = _io.open(p, "w", encoding="latin-1")
f.write("caf\xe9\n")
f.close()
print(f.closed)
with _io.open(p, "rb") as f:
    print(f.read())
with _io.open(p, encoding="latin-1") as f:
    print(f.read())
with _io.open(p, "w") as f:
    f.write("h\u00e9llo w\u00f6rld\n" * 3)
with _io.open(p) as f:
    print(repr(f.read(3)), repr(f.read(5)), f.tell(), repr(f.readline(4)))
b = _io.BufferedWriter(_io.FileIO(p, "w"))
b.write(b"abc")
print(b.tell())
b.close()
r = _io.BufferedReader(_io.BytesIO(b"x\ny\nz"))
print(r.peek(1)[:1], list(r))
fi = _io.FileIO(p)
print(fi, fi.mode, fi.readable(), fi.writable(), fi.seekable(), fi.fileno() > 2)
fi.close()
print(fi)
try:
    fi.read()
except ValueError as e:
    print(e)
d = _io.IncrementalNewlineDecoder(None, True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r", final=True)), d.newlines)
t = _io.TextIOWrapper(_io.BytesIO(b"abc\ndef\n"), encoding="ascii")
print(t.readline(), t.read())
t.reconfigure(line_buffering=True)
print(t.line_buffering)
