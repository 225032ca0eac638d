def f(a, b):
    c = a + b
    return c
co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_varnames, co.co_nlocals, co.co_stacksize)
print(co.co_consts, co.co_names, co.co_firstlineno, type(co.co_code).__name__, len(co.co_code) % 2)
print(type(co.co_linetable).__name__, type(co.co_exceptiontable).__name__, co.co_flags)
print(list(co.co_lines())[-1][2], [p[0] for p in co.co_positions()][:3])
g = lambda: 0
print(g.__code__.co_name, g.__code__.co_flags)
def gen():
    yield 1
async def coro():
    pass
print(gen.__code__.co_flags & 0x20, coro.__code__.co_flags & 0x80)
c2 = co.replace(co_name="renamed")
print(c2.co_name, co.co_name)
print(repr(compile("1+1", "<s>", "eval").co_filename), compile("x=1", "<s>", "exec").co_names)
