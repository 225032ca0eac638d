async def f():
    pass
def g():
    c = f()
    print("x")
g()
c = f()
del c
print("end")
