def g():
    try:
        yield 1
    finally:
        raise ValueError("from finally")
it = g()
next(it)
try:
    it.close()
except ValueError as e:
    print(type(e).__name__, e)
def h():
    try:
        yield 1
    except GeneratorExit:
        raise KeyError("replaced exit")
it = h()
next(it)
try:
    it.close()
except KeyError as e:
    print(type(e).__name__, e)
