try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad value") from e
except ValueError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("ctx")
except RuntimeError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("none") from None
except RuntimeError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise ValueError from TypeError
except ValueError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
e = ValueError("x")
e.__cause__ = KeyError("y")
print(e.__suppress_context__, repr(e.__cause__))
