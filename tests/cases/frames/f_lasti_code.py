import sys
def f():
    fr = sys._getframe()
    return fr.f_lasti, fr.f_code is f.__code__, fr.f_lasti % 2
lasti, same, even = f()
print(same, even, lasti > 0, type(lasti).__name__)
def g():
    return sys._getframe().f_code
co = g()
print(co.co_name, co.co_filename.rsplit("/", 1)[-1], co.co_firstlineno, co.co_argcount, co.co_varnames)
fr = sys._getframe()
print(fr.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else fr.f_builtins is __builtins__)
print(fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes)
