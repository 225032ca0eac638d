def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


vals = [0.0, -0.0, 1.0, 0.1, 0.2 + 0.1, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.00001234, 1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, float('inf'), float('-inf'), float('nan'), 100.0, 1e22, 1e23, 9007199254740993.0, 0.3, 2.5, -1.25e-7, 3.141592653589793, 1e100, 12345.6789]
for v in vals:
    print(repr(v), str(v), v.__repr__(), f'{v}', format(v), format(v, ''))
T('float.__repr__(2.0), float.__str__(1e16)')
T('repr(1e16), repr(1.0e-5), repr(-1e-7)')
