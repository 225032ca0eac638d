import sys
def f():
    try:
        raise KeyError("inner")
    except KeyError:
        try:
            raise ValueError("nested")
        except ValueError:
            pass
        print("after nested, current:", repr(sys.exc_info()[1]))
        raise
try:
    f()
except KeyError as e:
    print("reraised", repr(e))
