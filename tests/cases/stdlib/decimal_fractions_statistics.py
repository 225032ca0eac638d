# decimal (_pydecimal), fractions and statistics: they need _contextvars (and re).
import decimal, fractions, statistics
from decimal import Decimal as D
from fractions import Fraction as F
print(D('1.1') + D('2.2'), decimal.getcontext().prec, D(1) / D(7))
with decimal.localcontext() as lc:
    lc.prec = 5
    print(D(1) / D(7), decimal.getcontext().prec)
print(D(1) / D(7), decimal.getcontext().prec)
ctx = decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)
print(ctx.divide(D(2), D(3)), D('2.675').quantize(D('0.01')), D(10).sqrt(), D('-0').is_signed())
decimal.setcontext(decimal.Context(prec=12))
print(D(2).sqrt(), decimal.getcontext().prec)
print(F(1, 3) + F(1, 6), F('3.25'), F(0.5), F(355, 113).limit_denominator(10), float(F(7, 8)))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.mode('aab'))
print(statistics.mean([F(1, 2), F(1, 3)]), statistics.mean([D('0.5'), D('0.25')]))
print(round(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), 6), statistics.variance([1, 2, 3, 4]))
print(statistics.fmean([1.0, 2.0, 4.0]), statistics.harmonic_mean([40, 60]))
