def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1e16 + 1, 123.456, -123.456, 5e-324, 1.7976931348623157e308):
    print(v, round(v), round(v, 0), round(v, 1), round(v, 2), round(v, -1), round(v, -2), round(v, 300), round(v, -400))
T("round(float('inf'))")
T("round(float('nan'))")
T("round(float('inf'), 2), round(float('nan'), 2), round(-0.0), round(-0.0, 1), round(0.49999999999999994)")
T('round(2.5, None), type(round(2.5, None)), type(round(2.5, 0))')
T("round(1.5, 'a')")
T("round('a')")
T('round()')
T('round(1, 2, 3)')
T('round(number=2.567, ndigits=1)')
class R:
    def __round__(self, n=None): return ('R', n)
T('round(R()), round(R(), 3)')
