def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


import sys
T('sys.get_int_max_str_digits(), sys.int_info')
x = 10 ** 5000
T('len(str(x))')
T('repr(x)[:5]')
T('str(-x)')
T("int('1' * 4300) > 0")
T("int('1' * 4301)")
T("int('-' + '1' * 4301)")
T('hex(x)[:10], len(bin(x)), oct(x)[:5]')
T("int('f' * 5000, 16) > 0")
T("f'{x}'")
T("format(x, 'd')")
T("'%d' % x")
sys.set_int_max_str_digits(0)
T('len(str(x)), len(repr(x)), str(x)[-3:]')
sys.set_int_max_str_digits(5000)
T('len(str(x - 1)), str(x)')
T('sys.set_int_max_str_digits(100)')
T('sys.set_int_max_str_digits(-1)')
T('sys.set_int_max_str_digits(640), sys.get_int_max_str_digits()')
T("int('9' * 641)")
T('sys.set_int_max_str_digits(maxdigits=700), sys.get_int_max_str_digits()')
