# Class calls whose __init__ is a Python function: results, errors,
# tracebacks, reference counts and recursion through __init__.
import sys
import traceback


class A:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y
        print("self refs", sys.getrefcount(self))


class B(A):
    pass


class C:
    def __init__(self):
        return 5


class D:
    def __init__(self, a):
        raise ValueError(a)


class E:
    def __init__(self, *args):
        self.args = args


class Q:
    def __init__(self, a, b):
        print("arg refs", sys.getrefcount(a))


print(A(1).x, B(1, y=5).y, A(x=3).x, E(1, 2, 3).args, E().args)
try:
    C()
except TypeError as e:
    print("TypeError:", e)
try:
    D(4)
except ValueError:
    traceback.print_exc(file=sys.stdout)
try:
    A()
except TypeError as e:
    print("TypeError:", e)
o = object()
Q(o, 2)
print("after", sys.getrefcount(o))
print([A(i).x for i in range(3)])
try:
    lst = [1, C()]
except TypeError as e:
    print("TypeError:", e)


def deep(n):
    class R:
        def __init__(self, k):
            if k:
                R(k - 1)

    R(n)


try:
    deep(5000)
except RecursionError as e:
    print("RecursionError:", e)
deep(100)
print("done")
