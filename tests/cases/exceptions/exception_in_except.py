try:
    try:
        raise ValueError("first")
    except ValueError as e:
        print("handling", e)
        raise TypeError("second")
except TypeError as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__, e.__context__)
import sys
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, sys.exception() is v)
print(sys.exc_info(), sys.exception())
def handler():
    return sys.exc_info()[0]
try:
    raise OSError
except OSError:
    print(handler().__name__)
