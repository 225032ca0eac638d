import sys
import pkg.sub as s
print(s.__name__, s.__package__, s.__file__.endswith("sub.py"), s.__spec__.name, s.__doc__)
import pkg
print(pkg.__path__[0].endswith("pkg"), pkg.__file__.endswith("__init__.py"), pkg.__spec__.submodule_search_locations is not None)
print(sorted(k for k in vars(s) if not k.startswith("__")))
print(type(sys).__name__, sys.__name__, repr(sys))
mod = type(sys)("m", "doc")
print(mod.__name__, mod.__doc__, vars(mod)["__name__"], mod.__dict__.get("__file__"))
try:
    mod.nothing
except AttributeError as e:
    print(type(e).__name__, e)
