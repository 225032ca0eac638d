def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("format(1.5, 'd')")
T("format(1.5, 'x')")
T("format(1.5, 's')")
T("format(1.5, 'c')")
T("format(1.5, ',_f')")
T("format(1.5, '_,f')")
T("format(1.5, '=')")
T("format(1.5, '.f')")
T("format(1.5, '1.2.3f')")
T("format(1.5, 'zz')")
T("format(1.5, '#,.2f'), format(1.5, '0=10'), format(-1.5, '0=10'), format(1.5, '*^10'), format(1.5, '\\U0001f600<5')")
T("format(1.5, '=+08.2f'), format(1e300, ',.0f')[:20], format(1.5, '.500f')[-3:]")
T("format(1e50, 'f'), format(2**0.5, '.60f')")
T("format(1.5, '10000000000000000000f')")
T("format(1.5, '.10000000000000000000f')")
