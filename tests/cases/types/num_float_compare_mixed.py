def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("1.0 == 1, 0.5 < 1, 2**1000 > 1e300, 2**1024 > 1e308, float('inf') > 2**5000, float('nan') == float('nan'), float('nan') != float('nan')")
T('9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0, 9007199254740992 == 9007199254740992.0')
T('-0.0 == 0.0, -0.0 == 0, 1e-400 == 0, max(0.0, -0.0), min(0.0, -0.0)')
T("0.1 < 1/10 + 1e-18, 1.0 < 'a'")
T("sorted([float('inf'), -1e308, 5e-324, -0.0, 2**64, -3])")
