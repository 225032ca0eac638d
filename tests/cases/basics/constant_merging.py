# Equal constants of one compilation unit are one object (the compiler merges them).
import sys

def f():
    return 'hello world!'

def g():
    return 'hello world!'

def h():
    return (1, 2.5, 'x y')

def k():
    return (1, 2.5, 'x y')

print(f() is g(), h() is k(), h()[1] is k()[1])
print(f.__code__.co_consts, h.__code__.co_consts)
big = 12345678901234567890
def m():
    return 12345678901234567890
print(m() is big)
c = compile("a = 3.25\nb = 3.25\n", "s", "exec")
ns = {}
exec(c, ns)
print(ns['a'] is ns['b'])
z, nz = 0.0, -0.0
print(z is nz, (lambda: 0.0)() is (lambda: -0.0)())
