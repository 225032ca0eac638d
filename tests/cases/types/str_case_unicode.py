def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'ß'.upper(), 'ß'.lower(), 'ß'.casefold(), 'ß'.title(), 'ß'.capitalize(), 'ß'.swapcase()")
T("'ﬁ'.upper(), 'ﬁ'.title(), 'ǆ'.title(), 'ǅ'.lower(), 'ǅ'.upper(), 'ǅ'.swapcase(), 'ǆa'.capitalize()")
T("'İ'.lower(), len('İ'.lower()), 'ı'.upper(), 'Σ'.lower(), 'ΑΣ'.lower(), 'ΑΣ Β'.lower(), 'ΣΑ'.lower(), 'aΣb'.lower(), 'ΑΣ'.casefold()")
T("'ŉ'.upper(), 'ΐ'.upper(), 'ﬃ'.upper(), 'ᾳ'.upper(), 'ᾳ'.title(), 'ᾼ'.lower(), 'ﬀ'.casefold()")
T("'ǰ'.upper(), 'ẞ'.lower(), 'ẞ'.casefold(), 'µ'.upper(), 'µ'.casefold(), 'ÿ'.upper(), 'ſ'.upper(), 'ſ'.casefold()")
T("'𐐨'.upper(), '𐐀'.lower(), 'Ꭰ'.lower(), 'ꭰ'.upper(), 'ꭰ'.casefold(), 'ⓐ'.upper(), 'Ⅰ'.lower()")
T("'éCOLE'.capitalize(), 'élan vital'.title(), 'hello\\u0301world'.title(), 'a\\u02b0b'.title(), 'x\\u00b2y'.title()")
T("'\\u1f80'.upper(), '\\u1f80'.title(), '\\u1f88'.lower(), '\\u1f88'.swapcase()")
