def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('True + True, True * 3, True / 2, -True, ~False, True // 1, True % 2, True ** 10')
T("repr(True), str(False), format(True), format(True, 'd'), format(False, '5'), f'{True!r:>6}', '%s %d' % (True, True)")
T("bool(), bool(0), bool(''), bool('0'), bool([]), bool(0.0), bool(-0.0), bool(0j), bool(1e-300), bool(float('nan'))")
T('bool(1, 2)')
T('bool(x=1)')
T('True is bool(1), isinstance(True, int), issubclass(bool, int), type(True + 0), type(True & True), type(True & 1)')
T('True & 1, True | 2, False ^ True, type(False ^ True), True == 1, hash(True), hash(False)')
T('bool.__new__(bool, 5), int.__new__(bool)')
T('True.__and__(False), True.__rand__(True), True.__or__(0), True.__xor__(1), True.__ror__(False), True.__rxor__(True)')
T("(True).__index__(), True.bit_length(), True.to_bytes(1, 'big'), abs(True), round(True), divmod(True, 2)")
try:
    class B(bool): pass
except TypeError as exc:
    print(exc)
T('{True: 1, 1: 2, 1.0: 3}')
