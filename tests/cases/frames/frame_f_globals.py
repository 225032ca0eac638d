import sys
G = "global value"
def f():
    fr = sys._getframe()
    return fr.f_globals["G"], fr.f_globals is globals(), "f" in fr.f_globals
print(f())
exec("import sys\nprint(sys._getframe().f_code.co_name, sys._getframe().f_back.f_code.co_name)")
code = compile("sys._getframe().f_code.co_filename", "<custom>", "eval")
print(eval(code))
