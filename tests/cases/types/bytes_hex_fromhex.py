def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("b'\\x00\\xffab'.hex(), b''.hex(), b'abcdef'.hex(':'), b'abcdef'.hex('-', 2), b'abcdef'.hex('-', -2), b'abcde'.hex(' ', 2), b'abcde'.hex(' ', -2), b'abc'.hex(b'|'), bytearray(b'\\x01\\x02').hex('.'), b'ab'.hex(sep=':', bytes_per_sep=1)")
T("b'ab'.hex('::')")
T("b'ab'.hex('é')")
T("b'ab'.hex(1)")
T("b'ab'.hex(':', 0)")
T("bytes.fromhex('00ff 1a2B'), bytes.fromhex(''), bytes.fromhex('  de ad  be ef '), bytearray.fromhex('0a0B'), bytes.fromhex('\\t0a\\n0b')")
T("bytes.fromhex('0')")
T("bytes.fromhex('0g')")
T("bytes.fromhex('a b')")
T("bytes.fromhex(b'00')")
T("bytes.fromhex('é0')")
class BS(bytes): pass
class BA(bytearray): pass
T("type(BS.fromhex('00')), type(BA.fromhex('01')), BS.fromhex('41')")
