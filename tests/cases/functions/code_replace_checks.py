# code.replace checks what CPython's code constructor checks, and a replaced
# code object that is valid runs like the original.
def f(a, b=2):
    x = a + b
    return x * 2

c = f.__code__
for kw in [dict(co_argcount=5), dict(co_kwonlyargcount=3), dict(co_flags=c.co_flags | 0x04 | 0x08)]:
    try:
        c.replace(**kw)
        print("ok")
    except ValueError as e:
        print("ValueError:", e)

g = c.replace(co_stacksize=c.co_stacksize + 5)
def h(a, b=2):
    pass
h.__code__ = g
print(h(3), h(1, 1))
src = compile("total = 0\nfor i in range(5):\n    total += i\n", "<s>", "exec")
d = {}
exec(src.replace(co_consts=src.co_consts), d)
print(d["total"])
