def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


w, p, v = 12, 3, 3.14159265
T('f\'{v:{w}.{p}f}\', f\'{v:>{w}}\', f\'{"s":{"^"}{w}}\', f\'{v!r:>20}\', f\'{v=:.2f}\', f\'{w:#x}{w:#o}{w:#b}\', f\'{-w:+08,}\', f\'{2**40:_}\'')
T("'{0:{1}{2}}'.format(v, '>', 10), '{:{}.{}}'.format('abcdef', 8, 3), '{0:{fill}{align}{width}}'.format(5, fill='*', align='^', width=9)")
T("'{:{}}'.format(1, 'x'), '{!s:>{}}'.format(1.5, 6)")
T('f\'{3:{"z"}}\'')
T('f\'{1.5:{"zz"}}\'')
T("'{0:{0}}'.format(5)")
T('f\'{"abc"!a}\', f\'{"é"!a}\', f\'{b"x"!s}\', f\'{None}\', f\'{...}\'')
T("f'{12345.678:,.2f}|{12345.678:_.1f}|{-0.0:z.1f}|{-0.001:z.1f}|{0.0:+z}'")
T("f'{-0.0:z}', format(-0.0, 'z'), format(-1e-10, 'z.3e'), format(-0.0, 'zg'), format(-0.4, 'z.0f'), format(-0.5, 'z.0%')")
