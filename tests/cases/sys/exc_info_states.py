import sys
print(sys.exc_info())
try:
    raise ValueError("v")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
    try:
        raise KeyError("k")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
