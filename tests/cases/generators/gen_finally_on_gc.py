def g(name):
    try:
        yield name
    finally:
        print("finalized", name)
a = g("a")
next(a)
a = None
print("after dropping a")
b = g("b")
print("b never started")
del b
def gen_del():
    c = g("c")
    next(c)
    print("leaving function")
gen_del()
print("end")
