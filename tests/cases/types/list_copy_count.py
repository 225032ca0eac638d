a = [[1], [2]]
b = a.copy()
b[0].append(9)
b.append(3)
print(a, b)
import copy
c = copy.deepcopy(a)
c[0].append(7)
print(a, c)
print(a[:] == a, a[:] is a)
print([1, 1, 2, 1].count(1), [].count(1), [[1]].count([1]), [1.0, True].count(1))
n = float('nan')
print([n, n].count(n), [n].index(n), n in [n])
print(list.copy([4]), list.count([4, 4], 4))
x = [3, 1, 2]
y = list(reversed(x))
x.reverse()
print(x, y)
z = [1, 2, 3, 4, 5]
z.reverse()
print(z)
print(sorted(z, reverse=True) == list(reversed(sorted(z))))
