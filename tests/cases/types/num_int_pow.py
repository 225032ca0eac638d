def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('2**10, 2**-1, (-2)**-3, 0**0, 0**5, (-3)**3, 10**-20')
T('0**-1')
T('pow(2, 10, 1000), pow(3, -1, 7), pow(-3, 5, 7), pow(3, 5, -7), pow(2, 0, 1), pow(10**20, 10**5, 10**9 + 7)')
T('pow(2, -1, 4)')
T('pow(2, 3, 0)')
T('pow(2, 3.0, 5)')
T('pow(2.0, 3, 5)')
T('pow(38, -1, 97), pow(-1, -1, 5)')
T('pow(2, 0.5), pow(-8, 1/3), (-2) ** 0.5')
T('pow(1, 2, 3, 4)')
T('pow()')
T('pow(base=2, exp=5), pow(2, exp=5, mod=7)')
T("2 ** 'a'")
T('divmod(2**200, 3**50)')
