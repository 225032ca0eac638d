def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("b'abc'.decode(), b'\\xc3\\xa9'.decode('utf-8'), b'\\xe9'.decode('latin-1'), b'\\xe9'.decode('utf-8', 'replace'), b'ab'.decode(encoding='ascii', errors='strict'), bytearray(b'\\xc3\\xa9').decode()")
T("b'\\xe9'.decode()")
T("b'\\xe9'.decode('ascii')")
T("b'a'.decode('nope')")
T("b'a'.decode('rot13')")
T("'a'.encode('hex')")
T("b'a'.decode(None)")
T("b'abc'.decode('utf-16-le', 'replace')")
