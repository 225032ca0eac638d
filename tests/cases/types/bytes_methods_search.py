def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


b = b'hello world hello'
T("b.find(b'hello'), b.find(b'hello', 1), b.find(111), b.rfind(b'hello'), b.rfind(111), b.find(b''), b.find(b'zz'), b.find(bytearray(b'wor'))")
T("b.index(b'world'), b.rindex(b'l'), b.count(b'l'), b.count(108), b.count(b''), b.count(b'l', 5, 10)")
T("b.index(b'zz')")
T('b.rindex(300)')
T("b.find('h')")
T('b.find(-1)')
T("b.startswith(b'hel'), b.startswith((b'x', b'h')), b.endswith(b'llo'), b.endswith(bytearray(b'o'), 0, 5), b.startswith(b'', 17), b.startswith(b'', 18)")
T("b.startswith('h')")
T('b.startswith(104)')
T("b.partition(b' '), b.rpartition(b' '), b.partition(b'x'), b.rpartition(b'x')")
T("b.partition(b'')")
T("b.removeprefix(b'hello '), b.removesuffix(b' hello'), b.removeprefix(b'x'), bytearray(b'ab').removeprefix(b'a')")
