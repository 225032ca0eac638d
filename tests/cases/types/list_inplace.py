a = [1, 2]
b = a
a += [3]
a += 'xy'
a += range(2)
print(a, a is b)
try:
    a += 1
except TypeError as e:
    print(e)
a *= 2
print(len(a), a is b)
a *= 0
print(a, a is b)
c = [1, 2]
c *= -5
print(c)
try:
    c *= 'x'
except TypeError as e:
    print(e)
l = [[]] * 3
l[0].append(1)
print(l)
print([1, 2] + list((3,)))
try:
    [1] + (2,)
except TypeError as e:
    print(e)
try:
    [1] + 'a'
except TypeError as e:
    print(e)
