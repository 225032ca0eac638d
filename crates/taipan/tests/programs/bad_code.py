# Hand-made code objects that would make CPython 3.11 read or write outside a
# frame (it trusts its compiler) raise SystemError in Taipan at run time.
import marshal

c = compile("a = 1\nb = a + 2\n", "x", "exec")
cases = [
    ("stack deeper than co_stacksize", dict(co_stacksize=0)),
    ("constant index", dict(co_code=bytes([151, 0, 100, 9, 83, 0]))),
    ("pop of an empty stack", dict(co_code=bytes([151, 0, 1, 0, 1, 0, 83, 0]))),
    ("local index", dict(co_code=bytes([151, 0, 124, 9, 83, 0]))),
    ("name index", dict(co_code=bytes([151, 0, 101, 9, 83, 0]))),
    ("runs off the end", dict(co_code=bytes([151, 0]))),
    ("too many pushes", dict(co_code=bytes([151, 0] + [100, 0] * 6 + [83, 0]))),
    ("jump out of the code", dict(co_code=bytes([151, 0, 110, 200, 83, 0]))),
    ("backward jump before the start", dict(co_code=bytes([151, 0, 140, 9, 83, 0]))),
    ("call deeper than the stack", dict(co_code=bytes([151, 0, 100, 0, 171, 5, 0, 0, 0, 0, 0, 0, 0, 0, 83, 0]))),
    ("handler deeper than co_stacksize", dict(co_exceptiontable=bytes([0x80 | 0, 4, 2, 40]))),
]
for what, kw in cases:
    try:
        d = {}
        exec(c.replace(**kw), d)
        print(what, "ran:", d.get("b"))
    except SystemError as e:
        print(what, "->", type(e).__name__)

# As for CPython: more parameters than locals.
try:
    c.replace(co_argcount=5)
except ValueError as e:
    print("replace:", e)

# marshal data is no more trusted than code.replace.
def f(a):
    return a + 1
data = bytearray(marshal.dumps(f.__code__))
code_at = data.index(bytes(f.__code__.co_code))
data[code_at + 2] = 124  # LOAD_FAST ...
data[code_at + 3] = 200  # ... of local 200
g = marshal.loads(bytes(data))
def h(a):
    pass
h.__code__ = g
try:
    h(1)
except SystemError as e:
    print("marshal ->", type(e).__name__)
print(f(1))
