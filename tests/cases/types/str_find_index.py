def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


s = 'hello world, hello python'
T("s.find('hello'), s.find('hello', 1), s.find('hello', 1, 15), s.find('xyz'), s.find(''), s.find('', 100), s.find('', 25), s.find('o', -5), s.find('o', None, None)")
T("s.rfind('hello'), s.rfind('o'), s.rfind('o', 0, 10), s.rfind(''), s.rfind('z')")
T("s.index('world'), s.rindex('hello')")
T("s.index('zzz')")
T("s.rindex('zzz')")
T('s.find(1)')
T('s.find()')
T("s.find('a', 'b')")
T("s.find('o', 2**70), s.find('o', -2**70), s.index('o', -(2**100), 2**100)")
T("'aaa'.find('aa'), 'aaa'.rfind('aa'), 'ab\\U0001f600cd'.find('c'), 'é'.find('\\U0001f600'), 'aé\\u1234\\U0001f600'.rfind('\\u1234')")
T("s.count('o'), s.count('hello'), s.count(''), ''.count(''), 'aaaa'.count('aa'), s.count('o', 5, 20), s.count('l', -10), 'abc'.count('', 1, 2)")
T('s.count()')
T("'abc'.__contains__('b'), 'b' in 'abc', '' in 'abc', 'é' in 'café', '\\U0001f600' in 'x'")
T("1 in 'abc'")
