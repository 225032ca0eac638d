import sys
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.imag, sys.hash_info.algorithm, sys.hash_info.hash_bits, sys.hash_info.seed_bits, sys.hash_info.cutoff)
for v in (0.0, -0.0, 0.5, 1.5, -1.5, 0.1, 1e100, -1e-100, 2.0**61, 2.0**62, 1.7976931348623157e308, 5e-324, float('inf'), float('-inf'), 1e16, 3.141592653589793):
    print(repr(v), hash(v))
for v in (1j, 1+1j, -1j, 2.5-3.5j, complex(0, -0.0), complex(float('inf'), 0), 1e300+1e300j):
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(1+0j), hash(2**61) == hash(float(2**61)), hash(-1) == hash(-1.0) == hash(-1+0j))
print(hash(0.5) == hash(complex(0.5, 0)))
