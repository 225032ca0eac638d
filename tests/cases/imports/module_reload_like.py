import sys
import _helper_mod
first = _helper_mod
del sys.modules["_helper_mod"]
import _helper_mod
print(first is _helper_mod, first.COUNT, _helper_mod.COUNT)
first.bump()
print(first.COUNT, _helper_mod.COUNT)
