# cmath: values, branch cuts (signed zeros), C99 special values, errors.
import cmath, math
inf, nan = float('inf'), float('nan')
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp',
         'log', 'log10', 'sin', 'sinh', 'sqrt', 'tan', 'tanh']
points = [0j, complex(-0.0, 0.0), complex(0.0, -0.0), 1+2j, -1.5+0.5j, 0.3-0.7j, 2.0, -2.0,
          complex(2, -0.0), complex(-2, 0.0), complex(-2, -0.0), 1e-310+1e-310j, 1e300+1e300j,
          -1e308j, complex(1, 1e-320), 1+0j]
def show(f, z):
    try:
        r = getattr(cmath, f)(z)
        return repr(r)
    except (ValueError, OverflowError) as e:
        return f'{type(e).__name__}: {e}'
for f in names:
    print(f, [show(f, z) for z in points])
specials = [inf, -inf, nan, 0.0, -0.0, 2.5, -2.5]
for f in names:
    row = []
    for re_ in specials:
        for im in specials:
            row.append(show(f, complex(re_, im)))
    print(f, ' '.join(row))
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.polar(1j), cmath.polar(-3+4j))
print(cmath.rect(2, math.pi / 2), cmath.rect(1, 0), cmath.rect(-0.0, 0.0), cmath.rect(inf, 1), cmath.rect(-inf, -0.0))
for a in [(inf, inf), (1, inf), (nan, 2), (0.0, nan)]:
    try: print(cmath.rect(*a))
    except ValueError as e: print(e)
print(cmath.log(8, 2), cmath.log(1j, 1j), cmath.log(100, 10), cmath.log10(1000))
for a in [(0,), (0, 2), (1, 1), (2, 0)]:
    try: print(cmath.log(*a))
    except ValueError as e: print('log', a, e)
print(cmath.isfinite(1+1j), cmath.isinf(complex(1, inf)), cmath.isnan(complex(nan, 1)), cmath.isnan(1))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0, 1e-10, abs_tol=1e-9))
print(cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(inf, -inf))
try: cmath.isclose(1, 1, rel_tol=-1)
except ValueError as e: print(e)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
class Cx:
    def __complex__(self): return 3+4j
class Fl:
    def __float__(self): return 2.0
print(cmath.sqrt(Cx()), cmath.sqrt(Fl()), cmath.exp(True), cmath.sqrt(-4))
for bad in ('a', None, [1]):
    try: cmath.sqrt(bad)
    except TypeError as e: print(e)
try: cmath.exp(1000)
except OverflowError as e: print(e)
try: cmath.cosh(complex(800, 1))
except OverflowError as e: print(e)
