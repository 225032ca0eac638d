def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


class I(int):
    def __repr__(self): return 'I(%d)' % int(self)
T("I(5), I(5) + 1, type(I(5) + 1), -I(5), type(-I(5)), abs(I(-5)), type(abs(I(-5))), type(+I(5)), I('ff', 16), I(5).bit_length()")
T("str(I(5)), format(I(5)), '%d' % I(5), f'{I(5)}', hex(I(255)), type(I(7).real), type(I(7).numerator)")
class F(float):
    pass
T("F(1.5), type(F(1.5) + 1), F('2.5'), type(F.fromhex('0x1p1')), type(-F(1.5)), type(abs(F(1.5))), type(F(1.5).real)")
class C(complex):
    pass
T('C(1, 2), type(C(1, 2) + 1), type(C(1).conjugate())')
class Idx:
    def __index__(self): return 3
class IntM:
    def __int__(self): return 11
class IntBad:
    def __int__(self): return 1.5
T('int(Idx()), int(IntM())')
T('int(IntBad())')
T("[10, 20, 30, 40][Idx()], 'abcd'[Idx()]")
