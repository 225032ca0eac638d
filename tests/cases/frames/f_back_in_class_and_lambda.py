import sys
class C:
    where = sys._getframe().f_code.co_name
    caller = sys._getframe().f_back.f_code.co_name
print(C.where, C.caller)
g = lambda: sys._getframe().f_code.co_name
print(g(), (lambda: sys._getframe(1).f_code.co_name)())
print([sys._getframe().f_code.co_name for _ in "a"], list(sys._getframe().f_code.co_name for _ in "a"))
print({sys._getframe().f_code.co_name for _ in "a"}, {k: sys._getframe().f_code.co_name for k in "a"})
