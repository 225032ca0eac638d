def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


t = bytes.maketrans(b'abc', b'ABC')
T("len(t), t[97:100], b'aabbccdd'.translate(t), b'aabbccdd'.translate(t, b'd'), bytearray(b'abc').translate(t), b'abc'.translate(None, b'')")
T("bytes.maketrans(bytearray(b'x'), memoryview(b'y'))[120], bytes.maketrans(b'', b'') == bytes(range(256))")
T("b'abc'.translate(t, 'a')")
T("b'abc'.translate(bytearray(256))")
T("bytes.maketrans(b'ab', b'c')")
T("bytes.maketrans(b'a')")
