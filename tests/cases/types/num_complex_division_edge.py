def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('(1+1j) / (1e-320+1e-320j), (1e308+1e308j) / (1e308+1e308j), 1j / (1e308+1e308j), (1+2j) / 1e-320')
T('(1+2j) / (0+0j)')
T('(1+2j) / 0.0')
T("complex(float('inf'), 0) / (1+1j), (1+1j) / complex(float('inf'), float('inf')), (3+4j) / (3+4j)")
T("(1+2j) * float('inf'), (1+2j) ** 0, (1+2j) ** 1, (1+2j) ** -1, (0+0j) ** (1+1j), (2+3j) ** (0.5+0j)")
T('(1+1j) ** (1e300)')
T("abs(1e300+1e300j), abs(-0.0j), abs(complex(3, float('nan')))")
