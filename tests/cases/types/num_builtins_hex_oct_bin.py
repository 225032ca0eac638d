def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('hex(0), hex(255), hex(-255), hex(2**70), oct(8), oct(-8), oct(0), bin(5), bin(-5), bin(0), bin(2**65)')
T('hex(1.5)')
T("oct('a')")
T('bin(None)')
T('hex()')
class I:
    def __index__(self): return 42
T('hex(I()), oct(I()), bin(I()), hex(True)')
class J:
    def __index__(self): return 'x'
T('hex(J())')
