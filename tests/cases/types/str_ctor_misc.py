def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("str(), str(''), str([1, 'a']), str((1,)), str({'a': 1}), str(None), str(...), str(NotImplemented), str(type), str(int)")
T('type(str.__new__(str)), str.__new__(str, 5)')
T('str.__new__(int)')
class Sub(str):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
T("Sub('ab'), type(Sub('ab')), Sub('ab') == 'abab', hash(Sub('ab')) == hash('abab'), Sub('a') + 'b', type(Sub('a') + 'b')")
T("'abc'.__class__, 'a'.__doc__[:20]")
