# math.gamma/lgamma (CPython Lanczos) and erf/erfc (libm), bit for bit.
import math
vals = [0.5, 1.5, 2.5, 3.7, 10.1, 23.0, 24.0, 100.3, 150.5, 171.5, -0.5, -1.5, -2.7, -150.3, -250.5, 1e-21, -1e-21, 5.0, 7.25, 0.1]
for v in vals:
    for f in (math.gamma, math.lgamma, math.erf, math.erfc):
        try:
            print(f.__name__, v, repr(f(v)))
        except (ValueError, OverflowError) as e:
            print(f.__name__, v, type(e).__name__, e)
for v in (0.0, -1.0, -2.0, 172.0, 201.0, float('inf'), float('-inf'), 1e308, -1e308):
    for f in (math.gamma, math.lgamma):
        try:
            print(f.__name__, v, repr(f(v)))
        except (ValueError, OverflowError) as e:
            print(f.__name__, v, type(e).__name__, e)
print(math.erf(float('nan')), math.erfc(float('inf')), math.erf(-3.0), math.erfc(30.0))
