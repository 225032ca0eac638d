def leaky():
    yield 1
    next(iter([]))
    yield 2
try:
    print(list(leaky()))
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def explicit():
    yield 1
    raise StopIteration
try:
    for x in explicit():
        print("got", x)
except RuntimeError as e:
    print(type(e).__name__, e)
def gen_in_gen():
    def inner():
        yield 1
    it = inner()
    next(it)
    try:
        next(it)
    except StopIteration:
        yield "handled inside"
print(list(gen_in_gen()))
