def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('1 < 2, 2 <= 2, 3 > 4, 10**30 > 10**29, -10**30 < 10**29, 2**64 == 2**64, 2**64 != 2**64 + 1')
T("1 == 1.0, 2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53), 10**400 > 1e308, -10**400 < -1e308, 10**400 < float('inf')")
T("1 == 1+0j, 1 < 'a'")
T('1 < None')
T("1 == 'a', 1 != [1]")
T("(0.1 + 0.2 == 0.3), 1 < float('nan'), 1 == float('nan'), 1 > float('-inf')")
T('sorted([3, 1.5, True, -2, 2**70, -2.5e30])')
T('max(1, 2.0), min(2, 2.0), max(2.0, 2), max([])')
