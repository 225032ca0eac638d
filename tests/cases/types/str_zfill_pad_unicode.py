def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'é'.center(6, '\\u1234'), '\\U0001f600'.ljust(3, 'x'), 'x'.rjust(4, '\\U0001f600'), '-é'.zfill(4), '\\u1234'.zfill(3), '+\\U0001f600'.zfill(4)")
T("'ab'.center(7, 'é'), 'abc'.center(8, '-'), 'abcd'.center(9), 'a'.center(2), 'a'.center(3), 'ab'.center(3), 'ab'.center(4)")
T("'x'.center(3, b'a')")
T("'x'.ljust(3, 'ab')")
T("'x'.rjust(3, '')")
