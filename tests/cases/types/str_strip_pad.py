def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'  ab  '.strip(), '  ab  '.lstrip(), '  ab  '.rstrip(), 'xxabxx'.strip('x'), 'xyab'.lstrip('yx'), 'abyx'.rstrip('xy'), '\\u3000ab\\x85'.strip(), 'ab'.strip(None), 'ab'.strip('')")
T("'ab'.strip(1)")
T("'ab'.center(6), 'ab'.center(5), 'abc'.center(6, '*'), 'ab'.ljust(5, '-'), 'ab'.rjust(5, 'é'), 'ab'.center(1), 'ab'.ljust(-3), 'a'.center(4, '\\U0001f600')")
T("'ab'.center(5, 'xy')")
T("'ab'.center('5')")
T("'ab'.ljust()")
T("'42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), ''.zfill(3), 'abc'.zfill(2), '-'.zfill(3), 'é'.zfill(3)")
T("'prefix_body'.removeprefix('prefix_'), 'prefix_body'.removeprefix('x'), 'body.py'.removesuffix('.py'), 'a'.removesuffix(''), ''.removeprefix('')")
T("'a'.removeprefix(1)")
T("'a\\tb\\tc'.expandtabs(), 'a\\tbc\\td'.expandtabs(4), '\\t'.expandtabs(0), 'ab\\n\\tc'.expandtabs(2), 'a\\tb'.expandtabs(tabsize=3), 'x\\r\\ty'.expandtabs(4)")
T("'a\\t'.expandtabs(-1)")
