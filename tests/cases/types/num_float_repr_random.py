import struct
x = 88172645463325252
out = []
for i in range(3000):
    x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
    x ^= x >> 7
    x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
    bits = x & 0xFFFFFFFFFFFFFFFF
    exp = (bits >> 52) & 0x7FF
    if exp == 0x7FF:
        continue
    f = (bits & ((1 << 52) - 1)) / 2**52 + 1
    f = f * 2.0 ** ((exp % 200) - 100)
    if bits >> 63:
        f = -f
    r = repr(f)
    assert float(r) == f
    out.append(r)
print(len(out))
for i in range(0, len(out), 10):
    print(' '.join(out[i:i + 10]))
