def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('str(5), str(-0.0), str(1e16), str(1j), str(True), repr(2**64), str(1.0), str(-5)')
T("str(b'ab'), str(b'ab', 'ascii'), str(bytearray(b'x'), encoding='latin-1'), str(b'\\xff', 'utf-8', 'replace'), str(b'\\xff', errors='ignore')")
T("str(b'\\xff', 'utf-8')")
T("str(1, 'utf-8')")
T("str('a', 'utf-8')")
T("str(object=5), str(object='x'), str(encoding='utf-8')")
T('str(1, 2, 3, 4)')
T("str(b'a', 'nonexistent-codec')")
class S:
    def __str__(self): return 5
T('str(S())')
class S2:
    def __str__(self): return 'S2'
    def __repr__(self): return 'R2'
T("str(S2()), repr(S2()), f'{S2()} {S2()!r} {S2()!s}', '%s %r' % (S2(), S2())")
class MyStr(str): pass
T("type(str(MyStr('a'))), type(MyStr('a')), MyStr('abc').upper(), type(MyStr('abc').upper())")
