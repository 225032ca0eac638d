import math
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.pi, math.e, math.inf, math.isnan(math.nan))
print(math.gcd(12, 18), math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.isqrt(17), math.lcm(4, 6))
print(math.log(math.e), math.log10(1000), math.log2(8), math.exp(0), math.pow(2, 10), math.fabs(-3))
print(math.sin(0), math.cos(0), round(math.atan2(1, 1), 6), math.hypot(3, 4), math.copysign(1, -0.0), math.trunc(-2.7))
print(math.isclose(0.1 + 0.2, 0.3), math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.isfinite(1e308))
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
