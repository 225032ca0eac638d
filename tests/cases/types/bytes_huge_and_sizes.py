def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('bytes(10**19)')
T('bytearray(10**19)')
T("b'ab' * (2**62)")
T("bytearray(b'ab') * (2**62)")
T("b'ab'.center(2**62)")
T("'ab'.center(2**62)")
T("'a\\tb'.expandtabs(2**62)")
T("' '.join(['a'] * 3).replace(' ', 'x' * 10, 2)")
T("b'a'.ljust(-5), len(bytes(1000)), len(bytearray(b'x' * 10000))")
T("bytes.fromhex('00' * 100) == bytes(100)")
