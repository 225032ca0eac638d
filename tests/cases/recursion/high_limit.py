import sys
sys.setrecursionlimit(10 ** 6)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(50000))
print(depth(100000))
def sum_list(xs, i=0):
    if i == len(xs):
        return 0
    return xs[i] + sum_list(xs, i + 1)
print(sum_list(list(range(20000))))
