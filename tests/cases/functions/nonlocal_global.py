x = "global"
def a():
    x = "a-local"
    def b():
        nonlocal x
        x = "modified by b"
    b()
    return x
print(a(), x)
def c():
    global x
    x = "changed"
c()
print(x)
def d():
    n = 0
    def e():
        def f():
            nonlocal n
            n += 10
        f()
        return n
    return e()
print(d())
def g():
    vals = []
    def push(v):
        vals.append(v)
    push(1); push(2)
    return vals
print(g())
