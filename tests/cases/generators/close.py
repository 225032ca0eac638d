def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("cleanup")
it = g()
next(it)
print(it.close())
print(it.close())
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "won't stop"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
r = returns_on_close()
next(r)
print(r.close())
unstarted = g()
unstarted.close()
print("closed unstarted without cleanup output")
