a = [1, 2, 3]
b = a
b.append(4)
c = a[:]
c.append(5)
print(a, b, c)
def mutate(lst):
    lst.append("m")
    lst = ["rebound"]
    return lst
r = mutate(a)
print(a, r)
nested = [[1], [2]]
shallow = list(nested)
shallow[0].append(9)
shallow[1] = ["new"]
print(nested, shallow)
x = [0]
x[0] = x
print(x, x[0] is x)
