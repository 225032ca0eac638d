import sys
P = sys.hash_info.modulus
def frac_hash(n, d):
    inv = pow(d, P - 2, P)
    h = (abs(n) % P) * inv % P
    if n < 0: h = -h
    return -2 if h == -1 else h
for n, d in ((1, 2), (-1, 2), (1, 3), (3, 4), (-7, 8), (1, 1024), (5, 1)):
    f = n / d
    print(n, d, frac_hash(n, d), hash(f) if d & (d - 1) == 0 else '-', frac_hash(n, d) == hash(f) or d & (d - 1) != 0)
print(hash(-1), hash(-1.0), hash(-1 + 0j), hash(-0.5) == frac_hash(-1, 2))
class H:
    def __hash__(self): return -1
print(hash(H()))
class H2:
    def __hash__(self): return 2**64
print(hash(H2()))
class H3:
    def __hash__(self): return 'x'
try:
    hash(H3())
except TypeError as e:
    print(e)
class H4(int):
    pass
print(hash(H4(-1)), hash(H4(2**70)))
