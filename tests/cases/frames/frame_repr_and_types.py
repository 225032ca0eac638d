import sys
fr = sys._getframe()
print(type(fr).__name__, type(fr.f_code).__name__, repr(fr).startswith("<frame at 0x"))
print(repr(fr.f_code).startswith("<code object <module> at 0x"), repr(fr).endswith("code <module>>"))
def f():
    return sys._getframe()
print(repr(f()).endswith("line 6, code f>"))
