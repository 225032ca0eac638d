def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(), c2())
def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders()])
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
print(make_counter().__closure__[0].cell_contents, c1.__code__.co_freevars, make_counter.__code__.co_cellvars)
def f():
    def g():
        return y
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return g()
print(f())
