import sys
def f():
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name, fr.f_back.f_lineno)
    print(sys._getframe(1).f_code.co_name, sys._getframe(0) is fr)
    return fr
def g():
    return f()
fr = g()
print(type(fr).__name__, fr.f_back.f_code.co_name)
top = sys._getframe()
print(top.f_code.co_name, top.f_back, top.f_globals is globals(), top.f_locals is globals())
try:
    sys._getframe(100)
except ValueError as e:
    print(type(e).__name__, e)
