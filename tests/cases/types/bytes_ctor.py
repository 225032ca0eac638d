def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("bytes(), bytes(3), bytes([1, 2, 255]), bytes(b'ab'), bytes(bytearray(b'cd')), bytes('é', 'utf-8'), bytes('a', encoding='ascii'), bytes(range(3)), bytes(memoryview(b'xy')), bytes(iter([65]))")
T('bytes(-1)')
T('bytes([256])')
T('bytes([-1])')
T("bytes(['a'])")
T("bytes('abc')")
T("bytes(1, 'utf-8')")
T("bytes(b'a', 'utf-8')")
T("bytes('é', 'ascii')")
T("bytes('é', 'ascii', 'ignore'), bytes('é', errors='strict', encoding='latin-1')")
T('bytes(1.5)')
T('bytes(None)')
T('bytes(2**70)')
class BB:
    def __bytes__(self): return b'custom'
class BadB:
    def __bytes__(self): return 'no'
class Ix:
    def __index__(self): return 2
T('bytes(BB()), bytes(Ix()), bytes([Ix()])')
T('bytes(BadB())')
T("bytes.__new__(bytes, 2), type(b'a'.__bytes__()), b'a'.__bytes__()")
