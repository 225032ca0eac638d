x = 2463534242
vals = []
for i in range(400):
    x ^= (x << 13) & 0xFFFFFFFF
    x ^= x >> 17
    x ^= (x << 5) & 0xFFFFFFFF
    vals.append((x / 4294967296.0 - 0.5) * 10.0 ** ((x % 41) - 20))
specs = ['.3e', '.10g', '.1f', '.0f', 'g', '.17g', '%', '.2%', 'e', '.5', ',.3f', '#.4g', '+.12e']
for v in vals:
    print(repr(v), ' '.join(format(v, s) for s in specs))
