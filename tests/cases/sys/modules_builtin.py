import sys
print(sorted(m for m in ["sys", "builtins"] if m in sys.builtin_module_names))
print(sys.modules["builtins"].print is print, type(sys.path).__name__, sys.path[0].endswith("sys"))
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
