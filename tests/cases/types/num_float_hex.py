def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


for v in (0.0, -0.0, 1.0, 0.1, -2.5, 1e300, 5e-324, 2.2250738585072014e-308, float('inf'), float('-inf'), float('nan'), 3.141592653589793, 1/3):
    print(repr(v), v.hex())
T("float.fromhex('0x1.8p1'), float.fromhex('-0x1p-1074'), float.fromhex('0x1.fffffffffffffp1023'), float.fromhex('  0X1.ABCp+3  '), float.fromhex('1'), float.fromhex('ff'), float.fromhex('0x.8'), float.fromhex('inf'), float.fromhex('-nan')")
T("float.fromhex('0x1p1024')")
T("float.fromhex('0x1p-1080'), float.fromhex('0x1.00000000000008p0'), float.fromhex('0x1.00000000000018p0'), float.fromhex('0x1p-1075'), float.fromhex('0x3p-1076')")
T("float.fromhex('0xg')")
T("float.fromhex('')")
T('float.fromhex(1)')
T("float.fromhex('0x1.p0'), float.fromhex('0x1_0p0')")
class MyF(float): pass
T("type(MyF.fromhex('0x1p0')), MyF.fromhex('0x1p3')")
