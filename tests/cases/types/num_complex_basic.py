def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('1j, -1j, 1 + 2j, complex(1, 2), complex(), complex(1), complex(-0.0, -0.0), complex(0, -0.0), -0j, 0j + 0')
T("repr(1e300j), repr(1.5 + 1e-7j), repr(complex(float('inf'), float('nan'))), str(complex(-1.5, 0.0)), repr(complex(0.0, 1.0)), repr(complex(-0.0, 1.0))")
T("complex('1+2j'), complex(' ( 1-2.5J ) '), complex('j'), complex('-j'), complex('1e3'), complex('inf-infj'), complex('nanj'), complex('1_0+2_0j')")
T("complex('1+2j ')")
T("complex('1 + 2j')")
T("complex('(1+2j')")
T("complex('')")
T("complex('1+j2')")
T("complex('1', 2)")
T("complex(1, '2')")
T('complex(1+2j, 1+2j), complex(1j, 1j), complex(2, 3j)')
T('complex(None)')
T('complex(real=1, imag=2), complex(imag=3)')
T("(1+2j).real, (1+2j).imag, (1+2j).conjugate(), (1+2j).__getnewargs__(), (1+2j).__complex__(), abs(3+4j), abs(complex(float('inf'), float('nan')))")
T('abs(complex(1e308, 1e308))')
class C:
    def __complex__(self): return 2+3j
class D:
    def __float__(self): return 2.5
class E:
    def __index__(self): return 4
T('complex(C()), complex(D()), complex(E()), complex(D(), D())')
