import sys
sys.setrecursionlimit(5000)
def build(n):
    x = []
    for _ in range(n):
        x = [x]
    return x
def depth(x):
    return 1 + depth(x[0]) if x else 0
deep = build(3000)
print(depth(deep))
print(str(build(3))[:20])
