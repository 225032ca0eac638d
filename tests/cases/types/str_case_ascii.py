def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('\'hello World\'.upper(), \'Hello World\'.lower(), \'hello world\'.capitalize(), \'hELLO wORLD\'.swapcase(), "they\'re bill\'s friends".title(), \'ABC\'.casefold()')
T("'x1y2'.title(), 'a.b-c_d e'.title(), ''.upper(), '123'.capitalize(), 'mIXED'.capitalize()")
T("'abc'.upper(1)")
T('str.upper()')
T('str.upper(5)')
