import sys
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(200)
def f(n):
    try:
        return f(n + 1)
    except RecursionError:
        return n
n = f(0)
print(150 < n < 200)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit())
