def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("format('abc', ''), format('abc', '5'), format('abc', '<5'), format('abc', '>5'), format('abc', '^6'), format('abc', '.2'), format('abc', '5.1'), format('é\\U0001f600', '*^6'), format('abc', 's'), format('abc', '-^7.2s')")
T("format('abc', 'd')")
T("format('abc', '=5')")
T("format('abc', '+')")
T("format('abc', ' ')")
T("format('abc', '#')")
T("format('abc', ',')")
T("format('abc', '05')")
T("format('abc', 'z')")
T("format('abc', '.x')")
T("format('', '^3'), format('ab', '\\x00<4'), format('ab', '{<4')")
T('f\'{"x":>{3}}\', f\'{1+1=}\', f\'{"a"!r:^7}\', f\'{3.5=:.2f}\', f\'{ "q" = }\'')
