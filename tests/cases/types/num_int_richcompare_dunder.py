def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("(1).__eq__(1), (1).__eq__(1.0), (1).__eq__('a'), (1).__lt__(2), (1).__lt__(2.5), (1).__ge__(None), (1).__ne__(True), (2**70).__gt__(1e21)")
T("(1.5).__eq__(1.5), (1.5).__eq__(3), (1.5).__lt__('a'), (1.5).__le__(2**2000), (float('nan')).__ne__(float('nan'))")
T("(1j).__eq__(1j), (1j).__eq__(1), (1j).__lt__(1j), (1j).__ne__('x')")
T("'a'.__eq__('a'), 'a'.__lt__('b'), 'a'.__gt__(1), b'a'.__eq__(b'a'), b'a'.__lt__('a'), b'a'.__eq__(bytearray(b'a'))")
T("bytearray(b'a').__eq__(b'a'), bytearray(b'a').__lt__(memoryview(b'b')), bytearray(b'a').__ge__(1)")
