def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("str(b'abc', 'utf-8', 'strict'), str(bytearray(b'\\xe9'), 'latin-1'), str(memoryview(b'xy'), 'ascii'), str(b'\\xff\\xfe', 'utf-16')")
T("str(b'a', errors='strict'), str(b'a', encoding='ascii', errors='ignore')")
T("str(b'\\x80', 'ascii')")
T("str(b'a', 5)")
T("str(b'a', 'ascii', 5)")
T("str(b'a', object='x')")
T('str(x=1)')
T("type(str(b'a', 'ascii')), type(str.__new__(str, b'a', 'ascii'))")
