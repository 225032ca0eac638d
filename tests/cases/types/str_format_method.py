def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0[1]} {0[a]}'.format({1: 'one', 'a': 'A'}), '{0.real}'.format(3+4j), '{{}} {{{0}}}'.format(5)")
T("'{:>5}|{:<5}|{:^5}|{:*^7}'.format('a', 'b', 'c', 'd'), '{!r} {!s} {!a}'.format('é', 'é', 'é'), '{0!r:>10}'.format('x')")
T("'{:{w}.{p}f}'.format(3.14159, w=10, p=2), '{:{}}'.format('x', 4), '{0:{1}}'.format(5, '03')")
T("'{}'.format()")
T("'{0} {}'.format(1, 2)")
T("'{} {1}'.format(1, 2)")
T("'{'.format()")
T("'}'.format()")
T("'{0!x}'.format(1)")
T("'{0!}'.format(1)")
T("'{a}'.format(b=1)")
T("'{0[}'.format(1)")
T("'{0.}'.format(1)")
T("'{0[0]'.format([1])")
T("'{:{:{}}}'.format(1, 2, 3)")
T("'{0[-1]}'.format({'-1': 'x'}), '{0[01]}'.format({'01': 'y'})")
T("'{0[0]}'.format([])")
T("'{0.nope}'.format(1)")
T("'{2}'.format(1)")
T("'{:d}'.format('a')")
T("'{:s}'.format(1)")
T("'{0:}'.format('z'), '{!r:}'.format(1), '{:%}'.format(0.25), '{:,}'.format(10**9), '{:_b}'.format(255)")
T("'a{0}b{0}'.format_map({}) if False else 'x'")
T("'{a} {b}'.format_map({'a': 1, 'b': 2}), '{0}'.format_map(['z'])")
T("'{a}'.format_map({})")
T("'{}'.format_map({})")
T("'x'.format_map()")
class D(dict):
    def __missing__(self, k): return k.upper()
T("'{name} {age}'.format_map(D(age=3))")
T("str.format('{}', 1), str.format()")
