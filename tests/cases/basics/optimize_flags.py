"""module doc"""
import sys
def f():
    "func doc"
    assert False, "boom"
    return 1
print(__debug__, sys.flags.optimize, __doc__, f.__doc__)
try:
    print(f())
except AssertionError as e:
    print("AssertionError", e)
if __debug__:
    print("debug branch")
class C:
    "class doc"
print(C.__doc__, compile("assert 0", "s", "exec", optimize=1).co_code == compile("pass", "s", "exec").co_code)
