import sys
import _helper_mod
import _helper_mod as again
print(_helper_mod is again, _helper_mod.bump(), again.bump(), _helper_mod.COUNT)
print("_helper_mod" in sys.modules, sys.modules["_helper_mod"] is _helper_mod)
from _helper_mod import bump, COUNT
print(bump(), COUNT, _helper_mod.COUNT)
print(_helper_mod.__name__, _helper_mod.__file__.rsplit("/", 1)[-1], type(_helper_mod).__name__)
