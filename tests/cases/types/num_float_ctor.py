def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("float(), float(3), float('1.5'), float(' -2.5e3 '), float('1_0.5e1_0'), float('inf'), float('-Infinity'), float('nAn'), float('+iNf')")
T("float('1__0')")
T("float('_1')")
T("float('1e')")
T("float('')")
T("float('0x10')")
T("float(b'1.5'), float(bytearray(b'2')), float('\\u0661.\\u0662')")
T('float(10**400)')
T('float(2**1023 * 2 - 1)')
T('float(2**53 + 1), float(-2**63), float(True)')
T("float('1e400'), float('-1e-400'), float('4.9e-324'), float('2.4e-324'), float('2.5e-324')")
T('float([1])')
T('float(None)')
T('float(x=1)')
T("float('1.5', 2)")
T("float('  \\n1.0\\t '), float('.5'), float('5.'), float('-.5e-2'), float('1E5')")
T("float('.')")
T("float('e5')")
T("float('infinity'), float('-nan'), float('nanx')")
class F:
    def __float__(self): return 2.5
class G:
    def __index__(self): return 7
class H:
    def __float__(self): return 1
T('float(F()), float(G())')
T('float(H())')
