d = {}
for k in [10**6, -5, 3, 2**40, 17, 0, -2**33, 99]:
    d[k] = str(k)
print(d)
print(set(d))
print({k: 0 for k in range(-8, 8)})
print(set(range(-8, 8)))
print({2**61 - 2, 2**61 - 1, 2**61, 2**62, -2**61})
print({1.5, 2.25, -0.0, 0.0, 1e300, float('inf')})
print(dict.fromkeys([8, 16, 24, 32, 0]))
print(set([8, 16, 24, 32, 0]))
