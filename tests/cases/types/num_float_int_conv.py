def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


for v in (0.5, -0.5, 1e15 + 0.5, 2.0**63, -2.0**63, 2.0**64, 1e300, -1e300, 5e-324, 123456789.987):
    print(repr(v), int(v), v.__trunc__(), v.__floor__(), v.__ceil__(), round(v), v.as_integer_ratio()[0] % 10**9, v.is_integer())
T('int(-0.0), int(1e308) % 1000, float(int(1e308)) == 1e308')
