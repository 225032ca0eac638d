def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("int(), int(5), int(-5.9), int(5.9), int(True), int('  42  '), int('-0'), int('+17')")
T("int('1_000_000'), int('0x_ff', 16), int('0b101', 0), int('0o17', 0), int('0x1F', 0), int('077', 8)")
T("int('_1')")
T("int('1__0')")
T("int('1_')")
T("int('0_7', 0), int('00', 0), int('010', 0)")
T("int('12', 2)")
T("int('zz', 36), int('ZZ', 36), int('z', 37)")
T("int('10', 1)")
T("int('10', -1)")
T('int(10, 10)')
T("int('')")
T("int(' ')")
T("int('1.5')")
T('int(1e100), int(-1e20)')
T("int(float('inf'))")
T("int(float('nan'))")
T('int(None)')
T('int([1])')
T("int(b'12'), int(bytearray(b'-3')), int(b' 7 ')")
T("int('١٢٣'), int('\\uff11\\uff12')")
T("int('12', base=16), int(x='12')")
T("int('0x10', 16), int('0X10', 16), int('10', base=0)")
T('int(3, base=2)')
T("int('9' * 30)")
T("int('a', 2**70)")
