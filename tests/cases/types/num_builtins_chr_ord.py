def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('chr(65), chr(0), chr(0x10ffff), chr(0xd800), chr(233), chr(0x1f600), chr(True)')
T('chr(0x110000)')
T('chr(-1)')
T('chr(2**70)')
T("chr('a')")
T('chr(65.0)')
T("ord('a'), ord('\\U0001f600'), ord(b'a'), ord(bytearray(b'z')), ord('\\x00')")
T("ord('ab')")
T("ord('')")
T("ord(b'ab')")
T('ord(1)')
T('ord(bytearray())')
