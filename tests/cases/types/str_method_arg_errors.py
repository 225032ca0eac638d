def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'a'.count()")
T("'a'.startswith()")
T("'a'.find('a', 1, 2, 3)")
T("'a'.split(',', 1, 2)")
T("'a'.split(x=1)")
T("'a'.strip('a', 'b')")
T("'a'.zfill()")
T("'a'.center()")
T("'a'.encode('utf-8', 'strict', 3)")
T("'a'.join()")
T("'a'.partition()")
T("'a'.replace()")
T("'a'.expandtabs(1, 2)")
T("'a'.splitlines(x=1)")
T("'a'.lower(1)")
T("'a'.isdigit(1)")
T("'a'.index()")
T("'a'.format_map({}, {})")
T("'a'.removeprefix()")
T('str.maketrans()')
T("'a'.translate()")
T("'a'.__getitem__()")
T("'a'.title(None)")
