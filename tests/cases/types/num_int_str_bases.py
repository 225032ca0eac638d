def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


for base in range(2, 37):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'[:base]
    s = digits[::-1] + '_' + digits
    print(base, int(s, base), int(s.upper(), base), int('-' + digits[-1] * 3, base))
T("int('0b_1', 0), int('0B1_0', 0), int('0o_7', 0), int('0x_f_f', 0), int(' \\t+0x1\\n', 16), int('1' * 50, 2)")
T("int('0b1', 16), int('0x', 16)")
T("int('0b2', 0)")
T("int('08', 0)")
T("int('0_0', 0), int('-0_0', 0), int('1 2')")
T("int('\\u0663\\u0664', 10), int('\\u0663\\u0664', 16), int('\\uff10x10', 0)")
T("int('\\u00a01\\u2003')")
T("int('12\\x00')")
