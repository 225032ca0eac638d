def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("b'%s %d' % (b'ab', 5), b'%x %o %X' % (255, 8, 255), b'%5s|%-5s|' % (b'a', b'b'), b'%c%c' % (65, b'B'), b'%r' % b'x', b'%a' % 'é', b'%%', b'%(k)s' % {b'k': b'v'}")
T("b'%s' % 'str'")
T("b'%s' % 5")
T("b'%c' % 256")
T("b'%c' % 'a'")
T("b'%b' % b'xy', b'%s' % bytearray(b'z'), b'%.2f' % 3.14159, b'%e' % 1.5, b'%i' % True")
class BB:
    def __bytes__(self): return b'BB'
T("b'%s' % BB(), b'%b' % BB()")
T("bytearray(b'%d-%s') % (1, b'x'), type(bytearray(b'%d') % 1)")
T("b'%d' % 1.5, b'%x' % 2**70")
T("b'%x' % 1.5")
