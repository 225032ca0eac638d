def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("abs(-5), abs(5), abs(-2**100), abs(-0.0), abs(-3+4j), abs(True), abs(-float('inf'))")
T("abs('a')")
T('abs()')
T('abs(1, 2)')
T('divmod(7, 2.5), divmod(2**100, 7.0), divmod(True, True)')
T("divmod('a', 1)")
T('divmod(1)')
T('divmod(1, 2, 3)')
class A:
    def __abs__(self): return 'abs!'
    def __divmod__(self, o): return ('dm', o)
    def __rdivmod__(self, o): return ('rdm', o)
T('abs(A()), divmod(A(), 1), divmod(1, A())')
