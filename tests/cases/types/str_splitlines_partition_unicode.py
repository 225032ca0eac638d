def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


s = 'α\nβ\r\nγ\rδ\x0bε\x0cζ\x1cη\x1dθ\x1eι\x85κ\u2028λ\u2029μ'
T('s.splitlines(), s.splitlines(True), len(s.splitlines())')
T("'aé\\U0001f600bé\\U0001f600c'.partition('é\\U0001f600'), 'aé\\U0001f600bé\\U0001f600c'.rpartition('é\\U0001f600'), 'ααα'.partition('α'), 'ααα'.rpartition('α')")
T("'a\\u2028b'.split(), 'a\\x1cb\\x1dc\\x1ed\\x1fe'.split(), 'x\\u00a0y'.split(), 'x\\u180ey'.split(), 'x\\u200by'.split()")
T("'é,é,é'.split('é', 1), 'é,é,é'.rsplit('é', 1), '\\U0001f600a\\U0001f600'.split('a'), 'abc'.split('\\U0001f600')")
