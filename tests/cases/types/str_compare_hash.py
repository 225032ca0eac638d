def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'a' < 'b', 'a' < 'ab', 'B' < 'a', 'é' > 'z', '\\U0001f600' > '\\uffff', 'abc' == 'abc', 'abc' != 'abd', '' < 'a', 'a' <= 'a'")
T("'a' < 1")
T("'a' == 1, 'a' != b'a'")
T("sorted(['b', 'A', 'é', 'a', '\\U0001f600', 'Z', '\\u00ff', '\\u0100', ''])")
T("max('abc'), min('abc'), max('a', 'B')")
T("hash('') , hash('a'), hash('abc'), hash('é'), hash('\\u1234'), hash('\\U0001f600'), hash('hello world'), hash('x' * 100)")
T("hash('abcdefg') == hash('abcdefg'[:]), hash('ab' + 'cd') == hash('abcd')")
T("hash(b'') , hash(b'a'), hash(b'abc'), hash(b'hello world'), hash(bytes(range(256)))")
T("hash('abc') == hash(b'abc'), hash(b'abc') == hash(memoryview(b'abc'))")
T("hash(bytearray(b'a'))")
