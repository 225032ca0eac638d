def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('(0).bit_length(), (1).bit_length(), (-1).bit_length(), (255).bit_length(), (-256).bit_length(), (2**100).bit_length()')
T('(0).bit_count(), (7).bit_count(), (-7).bit_count(), (2**100 - 1).bit_count()')
T('(5).as_integer_ratio(), (-5).as_integer_ratio(), True.as_integer_ratio()')
T('(5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator, True.real, True.numerator')
T('(5).__index__(), (5).__int__(), (5).__float__(), (5).__trunc__(), (5).__floor__(), (5).__ceil__()')
T('(5).__round__(), (1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2), (-1250).__round__(-2), (5).__round__(2)')
T('round(15, -1), round(25, -1), round(-25, -1), round(123456789, -10), round(10**30 + 5 * 10**9, -10)')
T('(5).__getnewargs__(), (5).__bool__(), (0).__bool__(), (5).__abs__(), (-5).__abs__(), (5).__neg__(), (5).__pos__(), (5).__invert__()')
T('(5).__add__(1.0), (5).__radd__(2), (5).__rsub__(2), (5).__rtruediv__(2), (5).__rpow__(2), (5).__rlshift__(1), (5).__rrshift__(64)')
T('(5).__rand__(3), (5).__ror__(3), (5).__rxor__(3), (5).__rmul__(3), (5).__rmod__(3), (5).__rfloordiv__(30), (5).__rdivmod__(17)')
T("(5).__sub__(1.5), (5).__mul__('a'), (5).__divmod__(2), (5).__lshift__(1), (5).__rshift__(1), (5).__mod__(3), (5).__floordiv__(2), (5).__truediv__(2), (5).__pow__(2), (5).__pow__(2, 3)")
T('(5).__and__(3), (5).__or__(3), (5).__xor__(3)')
T('int.bit_length(5), int.bit_length(True)')
T("int.bit_length('a')")
T('(5).bit_length(1)')
