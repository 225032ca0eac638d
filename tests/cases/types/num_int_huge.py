def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


import sys
T('1 << (2**63)')
T("'x' * 2**62")
T("'x' * (2**63)")
T("b'x' * 2**62")
T('bytearray(2**62)')
T('[0] * 2**62')
T('(10**6) ** (10**3) > 0')
T("'ab' * -5, b'ab' * 0")
sys.set_int_max_str_digits(0)
s = '9' * 10**6
sys.set_int_max_str_digits(4300)
T('int(s)')
T('2 ** -(2**70)')
