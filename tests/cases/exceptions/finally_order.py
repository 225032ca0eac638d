log = []
def f():
    try:
        log.append("try")
        try:
            log.append("inner try")
            raise ValueError
        finally:
            log.append("inner finally")
    except ValueError:
        log.append("except")
    finally:
        log.append("outer finally")
    log.append("after")
f()
print(log)
def g():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
it = g()
print(next(it))
del it
print("after del")
