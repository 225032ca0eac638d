def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('0.1 + 0.2, 1.5 - 2.25, 3.0 * 1.1, 7.0 / 2, 7.0 // 2, -7.0 // 2, 7.0 % 3, -7.0 % 3, 7.0 % -3, -0.0 % 5, 0.0 % -5')
T('divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(-0.0, 1.0), divmod(1e300, 1e-300)')
T('1.0 / 0')
T('1.0 // 0.0')
T('1.0 % 0.0')
T('divmod(1.0, 0)')
T("2.0 ** 10, 2.0 ** -1, (-8.0) ** (1/3), 0.0 ** 0, 1.0 ** float('nan'), float('nan') ** 0")
T('0.0 ** -1')
T('10.0 ** 400')
T('(-2.0) ** 1.5')
T("float('inf') - float('inf'), float('inf') * 0, float('inf') / float('inf'), -float('inf')")
T('1e308 * 10, -1e308 * 10, 1e-320 / 1e10')
T('abs(-2.5), abs(-0.0), -(0.0), +(-0.0)')
T('1.5 + 1, 1 + 1.5, 2**60 + 0.5, 10**400 + 1.0')
T('10**400 * 1.0')
T('3.5 + 1j, 3.5 * (1 + 2j)')
T("5.0 - 'a'")
