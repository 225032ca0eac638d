import sys
def depth():
    n = 0
    f = sys._getframe()
    while f.f_back:
        n += 1
        f = f.f_back
    return n
def rec(k):
    if k == 0:
        return depth()
    return rec(k - 1)
print(depth(), rec(0), rec(10), rec(50))
print([rec(i) for i in range(3)])
