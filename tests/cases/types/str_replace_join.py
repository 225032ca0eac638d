def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'aaa'.replace('a', 'b'), 'aaa'.replace('a', 'b', 2), 'aaa'.replace('', '-'), 'abc'.replace('', '-', 2), 'abc'.replace('x', 'y'), 'abab'.replace('ab', ''), 'a'.replace('a', 'é\\U0001f600'), 'aaa'.replace('a', 'b', -1), 'aaa'.replace('a', 'b', 0)")
T("'a'.replace('a')")
T("'a'.replace(1, 'b')")
T("'a'.replace('a', 'b', count=1)")
T("','.join(['a', 'b', 'c']), ''.join([]), '-'.join('abc'), 'é'.join(['x', '\\U0001f600']), ','.join(iter(['z'])), ' '.join(x for x in 'ab')")
T("','.join(['a', 1])")
T("','.join([b'a'])")
T("','.join(5)")
T("'abc'.startswith('a'), 'abc'.startswith(('x', 'ab')), 'abc'.startswith('b', 1), 'abc'.startswith('', 3), 'abc'.startswith('', 4), 'abc'.endswith('bc'), 'abc'.endswith(('x', 'c')), 'abc'.endswith('b', 0, 2), 'abc'.endswith('abc', -10)")
T("'abc'.startswith(1)")
T("'abc'.startswith(('a', 1))")
T("'abc'.endswith([])")
