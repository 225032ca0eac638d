def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'%s' % 'a', '%5s|%-5s|%.1s' % ('ab', 'cd', 'ef'), '%r' % 'a\\n', '%a' % '\\u1234', '%s%%' % 5")
T("'%(x)s %(x)r' % {'x': 'é'}, '%c' % 'é', '%c' % 0x1f600, '%-3c|' % 'a'")
T("'%s' % (), ")
T("'%s %s' % ('a',)")
T("'%s' % ('a', 'b')")
T("'%(x)s' % ('a',)")
T("'%*s' % ('a', 'b')")
T("'%.*s' % (2.5, 'abc')")
T("'%d' % None")
T("'%i' % '1'")
T("'%o %x' % (-8, -255), '%#o' % 0, '%#x' % 0, '%5%' , '%ld %lf %hd' % (1, 2.0, 3)")
T("'%s' % b'x', '%r' % b'x', '%a' % b'\\xff'")
T("'%s and %s' % ['a', 'b']")
T("'%%s %s' % 'x', 'ab' % (), 'ab' % {}, 'ab' % []")
