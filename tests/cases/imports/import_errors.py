try:
    from pkg import nonexistent
except ImportError as e:
    print(type(e).__name__, e)
try:
    import pkg.nothere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _helper_mod import missing_name
except ImportError as e:
    print(type(e).__name__, e.name, "cannot import name 'missing_name'" in str(e))
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
