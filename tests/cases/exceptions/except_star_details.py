def raise_group():
    raise ExceptionGroup("batch", [ValueError("v"), TypeError("t"), KeyError("k")])
try:
    try:
        raise_group()
    except* (ValueError, TypeError) as g:
        print("matched", [type(e).__name__ for e in g.exceptions])
except* KeyError as g:
    print("outer got", repr(g))
try:
    try:
        raise_group()
    except* ValueError:
        raise RuntimeError("handler failed")
except ExceptionGroup as g:
    print(repr(g), [type(e).__name__ for e in g.exceptions])
try:
    raise ExceptionGroup("g", [OSError("o")])
except* OSError as g:
    print("os group", g.exceptions, type(g).__name__)
try:
    try:
        raise TypeError("bare")
    except* TypeError as g:
        raise
except ExceptionGroup as g:
    print("reraised bare", repr(g))
except TypeError as e:
    print("reraised plain", repr(e))
