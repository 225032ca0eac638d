def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('(1+2j) + (3-4j), (1+2j) - 1, 2 - (1+2j), (1+2j) * (3-4j), (1+2j) / (3-4j), 1 / 1j, (1+2j) ** 2, (1+2j) ** 0.5, 1j ** 1j, 2 ** (1+1j)')
T('(1+2j) / 0')
T('(1+2j) // 2')
T('(1+2j) % 2')
T('divmod(1j, 1)')
T('0j ** -1')
T('0j ** 0, 0j ** 1j * 0 if False else 0j ** 2, (1+1j) ** 100, (1+1j) ** -3, (2+0j) ** 1000')
T('(10+10j) ** 500')
T("(1+2j) == (1+2j), (1+0j) == 1, (1+0j) == 1.0, 1j != 1, (1+2j) == 'a'")
T('(1+2j) < (2+3j)')
T('-(1+2j), +(1-2j), (1+2j).__neg__(), (1+2j).__pos__(), (1+2j).__bool__(), (0j).__bool__()')
T('(1+2j).__add__(1), (1+2j).__radd__(1), (1+2j).__sub__(1), (1+2j).__rsub__(1), (1+2j).__mul__(2), (1+2j).__rmul__(2), (1+2j).__truediv__(2), (1+2j).__rtruediv__(2), (1+2j).__pow__(2), (1+2j).__rpow__(2)')
T("(1+2j).__add__('a'), (1+2j).__pow__(2, 3)")
T('pow(1j, 2, 3)')
T('int(1j)')
T('float(1j)')
T('round(1j)')
T("format(1+2j), format(1+2j, '.2f'), format(1.5-2.5j, '>20'), format(-1j, 'g'), format(1+2j, '+.3e'), format(1+2j, '^20.1f'), format(complex(1, float('nan')), ''), format(1e20+1j, '')")
T("format(1+2j, '=20')")
T("format(1+2j, '020')")
T("format(1+2j, 'd')")
T("format(1+2j, '%')")
T("'%s %r' % (1j, 2+1j)")
