def sub(n):
    for i in range(n):
        got = yield i
        if got:
            print("sub got", got)
    return f"sub-{n}-done"
def outer():
    r1 = yield from sub(2)
    print("r1", r1)
    r2 = yield from sub(1)
    print("r2", r2)
    yield from [10, 20]
    yield from "ab"
    return "outer done"
it = outer()
print(next(it), it.send("hello"), next(it), next(it), next(it), next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("final", e.value)
def delegate_throw():
    try:
        yield from sub(5)
    except ValueError as e:
        yield f"outer caught {e}"
d = delegate_throw()
next(d)
print(d.throw(ValueError("x")))
def chain(*its):
    for x in its:
        yield from x
print(list(chain([1], (2, 3), range(4, 6))))
