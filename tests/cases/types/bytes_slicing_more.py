def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


b = bytes(range(20))
T('b[::3], b[-5::-2], b[100:], b[-100:3], b[3:1], b[slice(2, 8, 2)], b[::-7], bytes(b[::-1])[:3]')
ba = bytearray(range(10))
ba[2:8:2] = b'\xaa\xbb\xcc'
print(ba)
ba[::-3] = bytes(4)
print(ba)
del ba[1::2]
print(ba)
ba[len(ba):] = b'end'
print(ba)
ba[:0] = b'start'
print(ba)
T("ba.__setitem__(slice(0, 10, 2), b'x')")
T('ba.__getitem__(slice(None, None, 0))')
ba2 = bytearray(b'abc')
ba2[0:3] = ba2
ba2[1:1] = ba2
print(ba2)
