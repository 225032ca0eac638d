def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('round(5), round(5, 0), round(5, -1), round(15, -1), round(-15, -1), round(14, -1), round(2**100, -30), round(-(2**100), -29)')
T('round(5, 2), round(5, 2**70), round(True, -1), type(round(True))')
T('round(5, 1.5)')
T('round(0, -1), round(-5, -1), round(-6, -1), round(-4, -1)')
