def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('b\'Hello World\'.upper(), b\'Hello World\'.lower(), b\'hello world\'.capitalize(), b\'Hello World\'.swapcase(), b"they\'re bill\'s".title(), b\'\\xe9A\'.lower(), b\'\\xe9a\'.upper()')
T("b'  ab  '.strip(), b'xxabxx'.strip(b'x'), b'  ab'.lstrip(), b'ab  '.rstrip(), b'abc'.strip(b'ac'), b'\\x0b\\x0c ab\\x1c'.strip(), b'ab'.strip(None)")
T("b'ab'.strip('a')")
T("b'ab'.center(6), b'ab'.center(6, b'*'), b'ab'.ljust(5, b'-'), b'ab'.rjust(4), b'42'.zfill(5), b'-42'.zfill(5), b'ab'.center(1)")
T("b'ab'.center(6, '*')")
T("b'ab'.center(6, b'**')")
T("b'a\\tb'.expandtabs(), b'a\\tb\\nc\\td'.expandtabs(4), b'ab'.expandtabs(0)")
T("b'aaa'.replace(b'a', b'b'), b'aaa'.replace(b'a', b'b', 1), b'abc'.replace(b'', b'-'), b'abc'.replace(b'x', b'y')")
T("b'a'.replace('a', 'b')")
T("b','.join([b'a', b'b', bytearray(b'c')]), b''.join([]), bytearray(b'-').join([b'x', b'y'])")
T("b','.join([b'a', 'b'])")
T("b','.join([b'a', 1])")
T("b'abc'.translate(None, b'b'), b'abc'.translate(bytes.maketrans(b'abc', b'xyz')), bytes.maketrans(b'a', b'b')[95:100], b'abc'.translate(None), b'abc'.translate(bytes(range(256)), delete=b'a')")
T("b'abc'.translate(b'short')")
T("bytes.maketrans(b'ab', b'c')")
T("bytes.maketrans('a', 'b')")
