def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.split(',', maxsplit=2), 'a,b,,c'.rsplit(',', 1), '  a  b  c  '.split(), '  a  b  c  '.split(None, 1), '  a  b  c  '.rsplit(None, 1)")
T("''.split(), ''.split(','), 'abc'.split('abc'), 'a b'.split(' ', 0), 'a b'.split(maxsplit=-1), 'a\\u3000b\\x85c\\u2028d'.split(), 'a\\x1cb\\x1fc'.split()")
T("'abc'.split('')")
T("'abc'.rsplit('')")
T("'a'.split(1)")
T("'abab'.split('ab'), 'abab'.rsplit('ab'), 'aXbXc'.rsplit('X', maxsplit=1), 'a1b'.split(sep='1')")
T("'line1\\nline2\\r\\nline3\\rline4\\x0bx\\x0cy\\x1cz\\x1d\\x1e\\x85a\\u2028b\\u2029c'.splitlines(), 'a\\nb\\n'.splitlines(True), 'a\\r\\n'.splitlines(keepends=True), ''.splitlines(), '\\n'.splitlines()")
T("'a'.splitlines(1, 2)")
T("'a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('x'), 'abc'.rpartition('x'), 'abc'.partition('abc')")
T("'abc'.partition('')")
T("'abc'.partition(None)")
