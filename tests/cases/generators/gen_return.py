def g():
    yield 1
    return 5
def user():
    v = yield from g()
    yield v * 10
print(list(user()))
def only_return():
    return "r"
    yield
it = only_return()
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value)
def ret_tuple():
    return (1, 2)
    yield
try:
    next(ret_tuple())
except StopIteration as e:
    print(e.value, e.args)
def ret_stopiter_instance():
    yield
    return StopIteration("x")
r = ret_stopiter_instance()
next(r)
try:
    next(r)
except StopIteration as e:
    print(repr(e.value))
