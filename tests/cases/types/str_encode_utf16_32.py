def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("'aé\\U0001f600'.encode('utf-16'), 'aé\\U0001f600'.encode('utf-16-le'), 'aé\\U0001f600'.encode('utf-16-be'), 'aé\\U0001f600'.encode('utf-32'), 'aé\\U0001f600'.encode('utf-32-le'), 'aé\\U0001f600'.encode('utf-32-be'), ''.encode('utf-16'), ''.encode('utf-32')")
T("'\\ud800'.encode('utf-16')")
T("'\\ud800'.encode('utf-32-le')")
T("'a\\ud800'.encode('utf-16-le', 'surrogatepass'), 'a\\ud800'.encode('utf-32-be', 'surrogatepass'), 'a\\ud800'.encode('utf-16', 'replace'), 'a\\ud800'.encode('utf-16-le', 'ignore'), 'a\\ud800'.encode('utf-32-le', 'backslashreplace'), 'a\\udc80'.encode('utf-16-le', 'surrogateescape')")
T("b'\\xff\\xfea\\x00'.decode('utf-16'), b'\\xfe\\xff\\x00a'.decode('utf-16'), b'a\\x00'.decode('utf-16'), b'a\\x00=\\xd8\\x00\\xde'.decode('utf-16-le'), b'\\x00a'.decode('utf-16-be'), b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00'.decode('utf-32'), b'a\\x00\\x00\\x00'.decode('utf-32-le'), b'\\x00\\x00\\x00a'.decode('utf-32-be')")
T("b'a'.decode('utf-16')")
T("b'\\x00\\xd8'.decode('utf-16-le')")
T("b'\\x00\\xdca\\x00'.decode('utf-16-le')")
T("b'\\x00\\x00\\x11\\x00'.decode('utf-32-le')")
T("b'a\\x00\\x00'.decode('utf-32-le')")
T("b'a\\x00b'.decode('utf-16-le', 'replace'), b'\\x00\\xd8a\\x00'.decode('utf-16-le', 'replace'), b'\\x00\\xd8a\\x00'.decode('utf-16-le', 'ignore'), b'\\x00\\xd8'.decode('utf-16-le', 'surrogatepass'), b'\\x00\\x00\\x11\\x00a\\x00\\x00\\x00'.decode('utf-32-le', 'replace'), b'\\x00\\xd8\\x00\\x00'.decode('utf-32-le', 'surrogatepass'), b'\\x00\\xd8a\\x00'.decode('utf-16-le', 'backslashreplace')")
