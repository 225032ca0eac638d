def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("ascii('abc'), ascii('é'), ascii('\\U0001f600'), ascii('\\u1234\\n'), ascii(['é', b'\\xff']), ascii(1.5), ascii('\\x7f\\x80')")
T("format(5), format(5, ''), format('abc', '>5'), format(1.5, '08.3f'), format(None), format([1], '')")
T("format(None, 'x')")
T("format([1], 'x')")
T("format(object(), '5')")
T('format(1, 2)')
T('format()')
class Fm:
    def __format__(self, spec): return 'F[' + spec + ']'
class Bad:
    def __format__(self, spec): return 5
T("format(Fm(), 'abc'), f'{Fm():xy}', '{:q}'.format(Fm())")
T('format(Bad())')
T("format(type, ''), format(type, 'x')")
