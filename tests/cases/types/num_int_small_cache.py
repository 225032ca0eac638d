a = 256
b = int('256')
print(a is b)
c = 257
d = int('257')
print(c == d)
m5, s7, two, z = -5, 7, 256, 0
print(int('-5') is m5, int('7') is s7)
e8, three = 8, 3
print((2**e8) is two, (three - 3) is z)
print(hash(0), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**100), hash(-(2**100)), hash(10**30))
print(hash(True), hash(False), hash(2**61 - 2), hash(-(2**61 - 1)), hash(2**64 + 3))
for v in (1, 2**31, 2**32 - 1, 2**62, 2**63, -(2**63), 12345678901234567890):
    print(v, hash(v), hash(-v))
