def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'abc'.__getnewargs__(), 'abc'.__sizeof__() > 0, str.__len__('ab'), 'a'.__ne__(1), 'a'.__eq__('a'), 'a'.__lt__(1), 'a'.__mod__(()), 'a'.__rmod__('x')")
T("'Hello'.count('l', 0, 100), 'hello'.index('l', 3), 'hello'.rindex('l', 0, 3)")
T("'abc'.index('c', 0, 2)")
T("'abc'.rindex('a', 1)")
T("sys if False else 'x'.isascii()")
T("str.join(',', ['a']), str.split('a b'), str.lower('A')")
T("'abc'.split(None, None)")
T("'abc'.find('b', None, 2), 'abc'.find('c', -1), 'abc'.startswith('c', -1)")
T("'x'.center(3, None)")
T("'x'.zfill(None)")
T("'x'.zfill(2**70)")
T("'x'.ljust(2**70)")
T("'x'.expandtabs('4')")
T("'ab'.casefold(), 'AbC'.swapcase(), 'a'.title(), '1a'.istitle(), 'A1'.istitle(), 'Aa Bb'.istitle(), 'AA'.istitle()")
