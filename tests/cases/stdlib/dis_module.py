import dis, io, re

def f(a, b=2, *args, k, **kw):
    x = a + b
    def g():
        return x
    for i in range(3):
        x += i
    return g, (4, 5)[-2], [y for y in args]

out = io.StringIO()
dis.dis(f, file=out)
print(re.sub(r'0x[0-9a-f]+', '0xADDR', out.getvalue()))
print([i.opname for i in dis.get_instructions(f)][:6])
print(dis.code_info(f).splitlines()[:8])
print(f.__code__._varname_from_oparg(0), f.__code__.co_varnames)
