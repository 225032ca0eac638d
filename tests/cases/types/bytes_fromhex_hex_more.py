def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("bytes.fromhex('1 23')")
T("bytes.fromhex(' 12\\t\\n\\x0b\\x0c\\r34 '), bytes.fromhex('AbCd'), bytearray.fromhex(' ')")
T("bytes.fromhex('12 3')")
T("bytes.fromhex('\\u00e912')")
T('bytes.fromhex(None)')
T("bytes(range(16)).hex(' ', 4), bytes(range(16)).hex(' ', -4), bytes(range(5)).hex(b'-', 3), bytes(range(5)).hex('_', 100), bytes(range(5)).hex(':', -100)")
T("b'\\xff'.hex(''), ")
T("b'ab'.hex(bytes_per_sep=2)")
T("bytearray(range(7)).hex(':', 2), bytes(range(3)).hex(sep='\\t')")
