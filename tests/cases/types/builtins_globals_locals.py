x = 1
g = globals()
print(type(g).__name__, g['x'], g is globals())
g['newname'] = 5
print(newname)
def f(a, b=2):
    c = 3
    l = locals()
    print(sorted(l.items()))
    l['zz'] = 1
    print('zz' in locals())
    return l
f(1)
class C:
    q = 1
    print(sorted(k for k in locals() if not k.startswith('__')))
    print(locals()['__qualname__'], locals()['__module__'])
print(sorted(k for k in globals() if k.startswith('__')))
print(__name__, __doc__, type(__builtins__).__name__)
def outer():
    v = 1
    def inner():
        return locals()
    w = 2
    return inner
print(outer()())
def outer2():
    v = 1
    def inner():
        v
        return locals()
    return inner
print(outer2()())
try:
    globals(1)
except TypeError as e:
    print(e)
try:
    locals(1)
except TypeError as e:
    print(e)
print(eval('x + 1'), eval('y', {'y': 7}), eval('a', {}, {'a': 9}))
exec('z = 10')
print(z)
ns = {}
exec('def h(): return 4', ns)
print(ns['h'](), sorted(ns))
