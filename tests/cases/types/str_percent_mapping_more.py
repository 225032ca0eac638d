def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'%(a)s %(b)r %(a)05d' % {'a': 7, 'b': 'x'}, '%(a)s' % {'a': None}, '%(a)%' % {'a': 1}")
T("'%(a)s %s' % {'a': 1}")
T("'%s %(a)s' % {'a': 1}")
T("'%(a)s' % [1]")
T("'%(a)*d' % {'a': 1}")
T("'%-*s|' % (-5, 'a'), '%*s|' % (-5, 'a'), '%.*s' % (-1, 'abc'), '%c' % True")
T("'%x' % -0, '%o' % 2**70, '%X' % -(2**70), '%#X' % 255, '%+x' % 255, '% x' % 255, '%-5x|' % 255, '%05x' % -255")
T("'%e' % 0, '%f' % 2**60, '%g' % 2**100, '%.1f' % True")
T("'%f' % 'a'")
T("'%f' % 2**1100")
T("'%s' % {'a': 1}, '%s %s' % {'a': 1, 'b': 2}.items() if False else 'skip'")
