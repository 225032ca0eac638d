import random
rng = random.Random(11)
ints = [rng.randrange(-1000, 1000) for _ in range(300)]
print(sorted(ints)[:10], sorted(ints)[-5:])
floats = [rng.random() * 100 - 50 for _ in range(200)]
s = sorted(floats)
print(all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
strs = [''.join(rng.choice('abcXYZ') for _ in range(rng.randrange(5))) for _ in range(100)]
print(sorted(strs)[:15])
tups = [(rng.randrange(3), rng.choice('ab')) for _ in range(30)]
print(sorted(tups))
mixed = [1, 2.5, True, -3, 0.0]
print(sorted(mixed))
big = [2**70, 2**65, -2**80, 1]
print(sorted(big))
print(sorted(['é', 'e', 'z', 'ä', '\U0001f600', 'A']))
print(sorted([b'b', b'a', b'']))
nan = float('nan')
print(sorted([3.0, 1.0, 2.0]))
runs = list(range(50)) + list(range(49, -1, -1))
print(sorted(runs)[:8], sorted(runs, reverse=True)[:8])
keyed = sorted(range(20), key=lambda x: (x % 3, -x))
print(keyed)
