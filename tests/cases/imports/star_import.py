from pkg.sub import *
print(helper())
import _helper_mod
from _helper_mod import *
print(COUNT, bump())
print(sorted(k for k in dir() if not k.startswith("_")))
