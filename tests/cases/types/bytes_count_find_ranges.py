def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


b = b'abcabcabc'
for args in ((b'a',), (b'a', 1), (b'a', 1, 4), (b'a', -3), (b'a', -100, 100), (b'',), (b'', 5), (b'', 10), (b'bc', 2, 5), (99,), (99, 3, 6), (b'abc', 0, -1)):
    print(args, b.count(*args), b.find(*args), b.rfind(*args), b.startswith(args[0] if isinstance(args[0], bytes) else bytes([args[0]]), *args[1:]))
T("b.index(b'c', 3, 5), b.rindex(b'a', 0, 7), b.find(b'a', None, None), b.count(b'a', None)")
T("b.index(b'c', 3, 4)")
T("b.count(b'a', 'x')")
