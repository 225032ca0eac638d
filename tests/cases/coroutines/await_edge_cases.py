import types
class Y:
    def __await__(self):
        v = yield "Y"
        return v
async def inner():
    return await Y()
async def waiter(c):
    return await c
c = inner()
w1 = waiter(c)
print(w1.send(None))
w2 = waiter(c)
try:
    w2.send(None)
except RuntimeError as e:
    print(e)
try:
    w1.send("v")
except StopIteration as e:
    print("w1", e.value)
async def running():
    print("running", cr.cr_running, cr.cr_frame is not None)
    return 1
cr = running()
try: cr.send(None)
except StopIteration: pass
class AC:
    async def __aenter__(self):
        print("enter")
        return "val"
    async def __aexit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
async def use():
    async with AC() as v:
        print("body", v)
        raise KeyError("k")
    print("after")
    return "done"
try: use().send(None)
except StopIteration as e: print(e.value)
async def agen():
    for i in range(5):
        try:
            yield i
        finally:
            print("fin", i)
async def consume():
    async for x in agen():
        if x == 2:
            break
        print("x", x)
    return "ok"
try: consume().send(None)
except StopIteration as e: print(e.value)
print("after consume")
async def agen_await():
    v = await Y()
    yield v
a = agen_await()
n = a.__anext__()
print(n.send(None), a.ag_running, type(a.ag_await).__name__)
try: n.send("sent")
except StopIteration as e: print("val", e.value)
try: n.send(None)
except RuntimeError as e: print(e)
@types.coroutine
def tc():
    x = yield "tc"
    return x
async def use_tc():
    return await tc()
u = use_tc()
print(u.send(None))
try: u.send(5)
except StopIteration as e: print(e.value)
def plain():
    yield from tc()
print(list(plain()))
def not_coro_gen():
    yield 1
async def aw_gen():
    await not_coro_gen()
try: aw_gen().send(None)
except TypeError as e: print(e)
async def ae():
    yield 1
g = ae()
print(g.__aiter__() is g, g.__name__, g.__qualname__, repr(g)[:28])
async def throw_into():
    try:
        await Y()
    except ZeroDivisionError:
        print("zde caught")
        raise KeyError("after")
t = throw_into()
t.send(None)
try: t.throw(ZeroDivisionError)
except KeyError as e: print("KE", repr(e), repr(e.__context__))
try: t.send(None)
except RuntimeError as e: print(e)
async def closer():
    try:
        await Y()
    finally:
        print("closer fin")
cc = closer(); cc.send(None); cc.close(); print(cc.cr_frame)
async def ignore():
    try:
        await Y()
    except GeneratorExit:
        await Y()
ig = ignore(); ig.send(None)
try: ig.close()
except RuntimeError as e: print(e)
del ig
print("end")
