def show(f):
    try:
        f()
    except BaseException as e:
        print("->", type(e).__name__, repr(e), [repr(x) for x in getattr(e, "exceptions", [])])
def a():
    try:
        raise ExceptionGroup("g", [ValueError(1), ExceptionGroup("n", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("v", repr(e))
    except* TypeError as e:
        print("t", repr(e))
show(a)
def b():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
show(b)
def c():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
show(c)
def d():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        raise KeyError("x") from None
show(d)
def e():
    try:
        raise KeyboardInterrupt
    except* Exception:
        print("no")
show(e)
def f():
    try:
        raise BaseExceptionGroup("bg", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError as e:
        print("f", repr(e), type(e).__name__)
show(f)
def g():
    try:
        pass
    except* ValueError:
        pass
    else:
        print("else")
    finally:
        print("finally")
show(g)
def h():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* int:
        pass
show(h)
def j():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise TypeError("new")
    except* TypeError as e:
        raise
show(j)
import sys
def k():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        print("exc_info", repr(sys.exc_info()[1]))
    print("after", sys.exc_info())
show(k)
def n():
    try:
        e = ExceptionGroup("g", [ValueError(1), TypeError(2)])
        e.add_note("note")
        raise e
    except* ValueError as e:
        raise
    except* TypeError as e:
        e.add_note("x")
        raise
show(n)
