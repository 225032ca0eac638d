import sys, io
print()
print(1, 2, 3)
print(1, 2, sep='-', end='!\n')
print('a', 'b', sep=None, end=None)
print(sep='x')
print('x', file=None)
try:
    print(1, sep=1)
except TypeError as e:
    print(e)
try:
    print(1, end=2)
except TypeError as e:
    print(e)
try:
    print(1, foo=2)
except TypeError as e:
    print(e)
try:
    print(1, file=1)
except AttributeError as e:
    print(e)
b = io.StringIO()
print('hello', 5, file=b, flush=True)
print(repr(b.getvalue()))
class W:
    def write(self, s):
        sys.stdout.write('[' + s + ']')
print('q', 'r', file=W())
print()
class S:
    def __str__(self):
        return 'S!'
    def __repr__(self):
        return 'R!'
print(S(), [S()])
class BadStr:
    def __str__(self):
        return 5
try:
    print(BadStr())
except TypeError as e:
    print(e)
print('ünïcödé', '\u20ac')
print(*range(5), sep=', ')
print(1, file=sys.stderr)
sys.stdout.flush()
