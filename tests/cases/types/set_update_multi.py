s = set()
s.update('ab', [1, 2], {3}, {'k': 0}, range(2))
print(sorted(s, key=repr))
s.update()
print(len(s))
s.intersection_update('abk', [1, 'a'])
print(s)
s = set(range(10))
s.difference_update(range(3), [9], {5})
print(s)
s.symmetric_difference_update(range(5))
print(s)
s.symmetric_difference_update(s)
print(s)
s = {1, 2, 3}
s -= s
print(s)
s = {1, 2}
s ^= s
print(s)
s = {1, 2}
s &= s
print(s)
s = {1, 2}
s |= s
print(s)
x = set([1, 2, 3])
print(x.difference(), x.difference() is x, x.union() is x, x.intersection() is x)
print({1, 2}.union({2: 'a', 5: 'b'}))
print({'a', 'b'} - {'a': 1}.keys())
print(set('abc').intersection({'b': 1, 'c': 2}.keys()))
d = {'x': 1}
print(set(d.items()))
