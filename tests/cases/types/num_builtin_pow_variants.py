def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('pow(3, 4), pow(3, -4), pow(-3, 4, 5), pow(3, 4, -5), pow(0, 0, 1), pow(0, 0), pow(2.5, 2), pow(-2.5, 2), pow(True, True)')
T('pow(2, 100, 2**61 - 1), pow(7, -3, 101), pow(-7, -3, 101), pow(10**30, -1, 10**9 + 9)')
T('pow(2, -1, 1), pow(5, 0, -7), pow(0, 5, 3)')
T('pow(6, -1, 9)')
T('pow(2, 3, 1.0)')
T('pow(1.5, 2, 3)')
T('pow(1j, 2), pow(2, 1j), pow(0.0, -1.5)')
T("pow('a', 2)")
T("pow(2, 2, 'a')")
class P:
    def __pow__(self, o, m=None): return ('pow', o, m)
    def __rpow__(self, o, m=None): return ('rpow', o, m)
T('pow(P(), 2), pow(P(), 2, 3), pow(2, P()), P() ** 5, 5 ** P()')
T('pow(2, P(), 3)')
