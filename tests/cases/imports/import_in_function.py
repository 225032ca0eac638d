def lazy():
    import pkg.sub
    from pkg.sub import helper
    return helper(), pkg.sub.__name__
print("before call")
print(lazy())
print("pkg" in dir())
import sys
print("pkg" in sys.modules)
