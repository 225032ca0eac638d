import sys
sys.setrecursionlimit(10000)
def nest(n):
    if n == 0:
        yield "bottom"
    else:
        yield from nest(n - 1)
print(list(nest(500)))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(sum(tree(12)))
