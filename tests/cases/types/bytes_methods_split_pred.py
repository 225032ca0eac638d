def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("b'a,b,,c'.split(b','), b'a,b,,c'.split(b',', 1), b'a,b,,c'.rsplit(b',', 1), b' a  b '.split(), b' a  b '.rsplit(None, 1), b''.split(), b'a\\x1cb'.split(), b'a\\x0bb'.split()")
T("b'a'.split(b'')")
T("b'a'.split('a')")
T("b'a\\nb\\r\\nc\\rd'.splitlines(), b'a\\nb\\n'.splitlines(True), b'a\\x0bb\\x0cc\\x1cd'.splitlines(), b''.splitlines()")
for b in (b'', b'abc', b'ABC', b'Abc', b'a1', b'12', b' \t', b'Ab Cd', b'\xe9', b'\x7f', b'A', b'_'):
    print(b, b.isalnum(), b.isalpha(), b.isascii(), b.isdigit(), b.islower(), b.isspace(), b.istitle(), b.isupper(), bytearray(b).isupper())
