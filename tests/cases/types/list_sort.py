import random
rng = random.Random(5)
data = [(rng.randrange(10), i) for i in range(200)]
s = sorted(data, key=lambda p: p[0])
print(s[:15])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
r = sorted(data, key=lambda p: p[0], reverse=True)
print(r[:15])
words = 'banana Apple cherry apple Banana date'.split()
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=str.lower, reverse=True))
print(sorted(words, key=len))
a = [3, 1, 2]
print(a.sort(), a)
a.sort(reverse=True)
print(a)
try:
    a.sort(lambda x: x)
except TypeError as e:
    print(e)
try:
    [1, 'a'].sort()
except TypeError as e:
    print(e)
try:
    sorted([1, 2], cmp=None)
except TypeError as e:
    print(e)
try:
    sorted()
except TypeError as e:
    print(e)
print(sorted([], key=None), sorted('cba', key=None))
big = [rng.random() for _ in range(5000)]
print(sorted(big) == sorted(sorted(big)), sorted(big)[:1] == [min(big)])
print([1.0, 2, 0.5, True, False].__class__, sorted([1.0, 2, 0.5, True, False]))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
print(sorted({3: 'a', 1: 'b'}))
print(sorted(x * x % 7 for x in range(12)))
