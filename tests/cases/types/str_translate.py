def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


t = str.maketrans('abc', 'xyz')
T("t, 'aabbcc'.translate(t)")
T("str.maketrans({'a': 'b', 98: None, 'c': 'CC'}), 'abc'.translate(str.maketrans({'a': 'b', 98: None, 'c': 'CC'}))")
T("str.maketrans('ab', 'x')")
T("str.maketrans({'ab': 1})")
T("str.maketrans('ab')")
T('str.maketrans(1)')
T("str.maketrans('a', 'b', 'cd'), 'abcd'.translate(str.maketrans('a', 'b', 'cd'))")
T("'abc'.translate({97: 'é', 98: 0x1f600}), 'abc'.translate([None, 'x']), 'abc'.translate({})")
T("'abc'.translate({97: 2**40})")
T("'abc'.translate({97: 1.5})")
T("'abc'.translate(5)")
class M:
    def __getitem__(self, k):
        if k == 98: raise LookupError
        return k + 1
T("'abc'.translate(M())")
