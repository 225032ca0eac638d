def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T('(0.5).as_integer_ratio(), (-0.1).as_integer_ratio(), (0.0).as_integer_ratio(), (1e300).as_integer_ratio()[1], (2.0).as_integer_ratio()')
T("float('inf').as_integer_ratio()")
T("float('nan').as_integer_ratio()")
T("(1.0).is_integer(), (1.5).is_integer(), float('inf').is_integer(), float('nan').is_integer(), (-0.0).is_integer(), (1e300).is_integer()")
T('(1.5).conjugate(), (1.5).real, (1.5).imag, (2.5).__trunc__(), (-2.5).__trunc__(), (2.5).__floor__(), (-2.5).__floor__(), (2.5).__ceil__(), (-2.5).__ceil__()')
T('(2.5).__int__(), (2.5).__float__(), (2.5).__getnewargs__(), (2.5).__bool__(), (2.5).__abs__(), (2.5).__neg__(), (2.5).__pos__()')
T("float.__getformat__('double'), float.__getformat__('float')")
T("float.__getformat__('int')")
T('(2.5).__add__(1), (2.5).__radd__(1), (2.5).__sub__(1), (2.5).__rsub__(1), (2.5).__mul__(2), (2.5).__rmul__(2), (2.5).__truediv__(2), (2.5).__rtruediv__(5)')
T('(2.5).__floordiv__(2), (2.5).__rfloordiv__(5), (2.5).__mod__(2), (2.5).__rmod__(5), (2.5).__divmod__(2), (2.5).__rdivmod__(5), (2.5).__pow__(2), (2.5).__rpow__(2)')
T("(2.5).__add__('a'), (2.5).__pow__(2, 3)")
T("float('inf').__floor__()")
T("float('nan').__ceil__()")
T('math_like = [x.__floor__() for x in (1e20, -1e20, 0.5)]')
T('type((2.5).__round__()), (2.5).__round__(), (3.5).__round__(), (2.675).__round__(2), (2.5).__round__(None), (1e20).__round__(-5)')
T('(2.5).__round__(1.0)')
