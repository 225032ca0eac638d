def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


s = 'héllo\U0001f600w'
T('s[0], s[-1], s[1], s[5], s[1:4], s[::-1], s[::2], s[-3:], s[10:], s[:-100], s[5:1:-1], len(s)')
T('s[7]')
T('s[-8]')
T("s['a']")
T('s[1.0]')
T('s[2**70]')
T('s[::0]')
T('s[None:None:None], s[slice(1, 3)], s.__getitem__(2), s.__len__()')
T("list(iter('ab\\U0001f600')), list(reversed('abc')), 'abc'.__iter__().__next__()")
T("'xyz'[1:2] == 'y'")
it = iter('abc')
next(it)
T('it.__length_hint__(), list(it), it.__length_hint__()')
