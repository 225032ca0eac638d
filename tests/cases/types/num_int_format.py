def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


vals = [0, 1, -1, 255, -255, 1234567, 2**64, -(10**20)]
for spec in ('', 'd', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', 'c', ',', '_', '_b', '_x', ',d', '+d', ' d', '08d', '<8', '>8', '^9', '=+9', '0=9', 'e', '.2f', '%', 'g', 'n', '#010x', 'x<10', '010,'):
    out = []
    for v in vals:
        try:
            out.append(format(v, spec))
        except Exception as e:
            out.append(type(e).__name__ + ': ' + str(e))
    print(repr(spec), out)
T("format(65, 'c'), format(0x1f600, 'c'), format(-1, 'c')")
T("format(0x110000, 'c')")
T("format(65, '+c')")
T("format(65, ',c')")
T("format(1, ',b')")
T("format(1, '.2d')")
T("format(1, 's')")
T("format(1, 'z')")
T("format(True, 'x'), format(2**100, ',x'), format(2**100, '_o')")
