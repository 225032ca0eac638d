def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'a' + 'b', 'a' + '\\U0001f600', 'é' + 'x', '' + '', 'ab' * 3, 3 * 'ab', 'ab' * 0, 'ab' * -1, 'ab' * True")
T("'a' + 1")
T("1 + 'a'")
T("'a' + b'a'")
T("'a' * 1.5")
T("'a' * 'b'")
T("'ab'.__add__('c'), 'ab'.__mul__(2), 'ab'.__rmul__(2), 'ab'.__add__(1), 'ab'.__mul__('x')")
s = 'a'
s += 'b'
s *= 2
print(s)
