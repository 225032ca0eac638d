async def f():
    return 1
c = f()
try:
    c.send(None)
except StopIteration as e:
    print("first", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
async def g():
    return await c
try:
    g().send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
c4 = f()
try:
    iter(c4)
except TypeError as e:
    print(type(e).__name__, e)
c4.close()
c3 = f()
print(hasattr(c3, "__await__"), hasattr(c3, "__next__"))
c3.close()
