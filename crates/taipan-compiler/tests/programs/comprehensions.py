a = [x for x in range(10)]
b = {x for x in y if x}
c = {k: v for k, v in items}
d = (x * 2 for x in y)
e = [x + y for x in a for y in b if x if y]
def f(n):
    return [i * n for i in range(n)]
g = [[j for j in range(i)] for i in range(3)]
