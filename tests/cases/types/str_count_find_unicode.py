def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


s = 'ab\u00e9\u1234\U0001f600' * 5
T("s.count('\\u1234'), s.count('\\U0001f600b'), s.find('\\u00e9\\u1234'), s.rfind('\\u00e9'), s.index('\\U0001f600', 5), s.rindex('b', 0, 10)")
T("s.find('\\u00e9', -3), s.count('', 3, 7), s.find('', 30), s.count('\\U0001f601'), s.find('abc'), 'ααβα'.count('α'), 'ααβα'.rfind('αβ')")
T("s.startswith('ab\\u00e9'), s.endswith('\\U0001f600'), s.startswith('\\u1234', 3), s.endswith(('x', '\\u1234'), 0, 4)")
T("s.replace('\\u00e9', 'e').replace('\\U0001f600', ':)')[:20], s.replace('b', '\\U0001f601', 2)[:8], 'ααα'.replace('α', 'ab'), 'ab'.replace('b', '\\u1234')")
