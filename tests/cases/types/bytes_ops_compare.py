def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("b'a' + b'b', b'a' + bytearray(b'b'), bytearray(b'a') + b'b', b'ab' * 3, 2 * b'x', b'x' * -1")
T("b'a' + 'b'")
T("'a' + b'b'")
T("b'a' + 1")
T("b'a' * 1.5")
T("b'a' < b'b', b'a' < b'ab', b'\\xff' > b'a', b'abc' == bytearray(b'abc'), bytearray(b'a') < b'b', b'a' == 'a', b'' < b'\\x00'")
T("b'a' < 'a'")
T("b'a' < 1")
T("sorted([b'b', b'a', b'\\xff', b'', b'A', bytearray(b'c')])")
T("hash(b'abc') == hash(bytes(bytearray(b'abc'))), len({b'a', b'a'[:], bytes([97])})")
