def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


for s in ('', 'a', "'", '"', '\'"', '\\', '\n\r\t', '\x00\x07\x1f\x7f', '\x80\x9f\xa0\xad', 'é', '\u0378', '\u2028\u2029', '\ud800', '\udfff', '\U0001f600', '\U000e0001', '\ufeff', '\u200e', 'a\u0301', '\U0010ffff', '\uffff'):
    print(repr(s), ascii(s), len(repr(s)), s.isprintable())
T('repr("it\'s"), repr(\'say "hi"\'), repr("both \' and \\""), str.__repr__(\'x\')')
