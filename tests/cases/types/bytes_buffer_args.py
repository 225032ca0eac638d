def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


mv = memoryview(b'lo')
T("b'hello'.find(mv)", "b'hello'.count(mv)", "b'hello'.replace(mv, b'X')", "b'ab'.replace(b'a', memoryview(b'z'))")
T("b','.join([b'a', memoryview(b'd')])", "b'a' + memoryview(b'c')", "bytearray(b'a') + memoryview(b'c')")
T("b'%s' % memoryview(b'mv')", "b'hello'.startswith(mv, 3)", "b'hello'.split(memoryview(b'l'))", "mv in [b'lo']", "b'lo' == mv")
T("bytes(memoryview(b'xyz')[1:])", "bytearray(b'q').extend(memoryview(b'r'))", "b'hello'.strip(memoryview(b'ho'))", "b'x'.center(3, memoryview(b'*'))")
