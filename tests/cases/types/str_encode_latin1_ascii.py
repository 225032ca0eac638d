def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'abc\\xff'.encode('latin-1'), 'abc'.encode('ascii'), 'é'.encode('iso-8859-1'), 'é'.encode('L1'), 'x'.encode('us-ascii')")
T("'a€b'.encode('latin-1')")
T("'aéb'.encode('ascii')")
T("'aé€\\U0001f600b'.encode('ascii', 'ignore'), 'aé€\\U0001f600b'.encode('ascii', 'replace'), 'aé€\\U0001f600b'.encode('ascii', 'backslashreplace'), 'aé€\\U0001f600b'.encode('ascii', 'xmlcharrefreplace'), 'a\\udce9b'.encode('ascii', 'surrogateescape'), 'a€b'.encode('latin-1', 'xmlcharrefreplace'), 'a€b'.encode('latin-1', 'backslashreplace')")
T("'a\\udc80b'.encode('latin-1', 'surrogateescape'), 'a\\ud800'.encode('latin-1', 'replace')")
T("'a\\ud800'.encode('ascii', 'surrogatepass')")
T("b'abc\\xff'.decode('latin-1'), b'abc'.decode('ascii'), bytes(range(250, 256)).decode('latin1')")
T("b'a\\xe9b'.decode('ascii')")
T("b'a\\xe9b'.decode('ascii', 'ignore'), b'a\\xe9b'.decode('ascii', 'replace'), b'a\\xe9b'.decode('ascii', 'backslashreplace'), b'a\\xe9b'.decode('ascii', 'surrogateescape')")
T("b'a\\xe9b'.decode('ascii', 'surrogateescape').encode('ascii', 'surrogateescape')")
