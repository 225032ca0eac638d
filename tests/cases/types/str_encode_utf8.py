def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'abc'.encode(), 'é€\\U0001f600'.encode('utf-8'), 'é'.encode('UTF8'), 'é'.encode('utf_8'), 'é'.encode(encoding='U8')")
T("'\\ud800'.encode('utf-8')")
T("'a\\ud800b'.encode('utf-8', 'ignore'), 'a\\ud800b'.encode('utf-8', 'replace'), 'a\\ud800b'.encode('utf-8', 'backslashreplace'), 'a\\ud800b'.encode('utf-8', 'surrogatepass'), 'a\\udcffb'.encode('utf-8', 'surrogateescape'), 'a\\ud800b'.encode('utf-8', 'xmlcharrefreplace')")
T("'a\\ud800b'.encode('utf-8', 'surrogateescape')")
T("'a\\ud800b'.encode('utf-8', 'bogus')")
T("'a'.encode('bogus-codec')")
T("'a'.encode(1)")
T("'a'.encode('utf-8', errors=2)")
T("b'a\\xc3\\xa9\\xf0\\x9f\\x98\\x80'.decode(), b'\\xef\\xbb\\xbfa'.decode('utf-8'), b'\\xef\\xbb\\xbfa'.decode('utf-8-sig'), 'a'.encode('utf-8-sig')")
T("b'\\xff'.decode()")
T("b'a\\xc3'.decode()")
T("b'\\xed\\xa0\\x80'.decode()")
T("b'\\xf4\\x90\\x80\\x80'.decode()")
T("b'\\xc0\\x80'.decode()")
T("b'\\xe2\\x82'.decode('utf-8')")
T("b'a\\xffb\\xc3'.decode('utf-8', 'ignore'), b'a\\xffb\\xc3'.decode('utf-8', 'replace'), b'a\\xffb\\xc3'.decode('utf-8', 'backslashreplace'), b'a\\xffb\\xc3'.decode('utf-8', 'surrogateescape'), b'\\xed\\xa0\\x80'.decode('utf-8', 'surrogatepass'), b'\\xe2\\x82x\\xf0\\x9f\\x98'.decode('utf-8', 'replace')")
T("b'\\xff'.decode('utf-8', 'xmlcharrefreplace')")
T("b'\\xff'.decode('utf-8', 'strict')")
