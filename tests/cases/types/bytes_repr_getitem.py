def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('b\'\', b\'abc\', b\'\\x00\\x7f\\x80\\xff\', b"\'", b\'"\', b\'\\\'"\', b\'\\\\\', b\'\\n\\r\\t\', bytes(range(0, 256, 17))')
T('repr(bytearray(b"a\'b")), repr(bytearray()), str(b\'x\'), bytearray(b\'\\x00ab\')')
b = b'hello'
T('b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:], b[-2:], b[5:0:-2]')
T('b[5]')
T("b['a']")
T('b[1.0]')
T("list(b), list(reversed(b)), 104 in b, b'el' in b, 300 in b'a' if False else 0")
T('300 in b')
T("'h' in b")
T('b.__len__(), b.__getnewargs__(), b.__iter__().__length_hint__()')
