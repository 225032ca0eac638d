def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def echo():
    received = None
    try:
        while True:
            received = yield f"echo {received}"
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("agen finally")
async def main():
    g = echo()
    print(await g.asend(None))
    print(await g.asend("a"))
    print(await g.athrow(ValueError("bad")))
    await g.aclose()
    try:
        await g.asend("late")
    except StopAsyncIteration:
        print("closed")
run(main())
g = echo()
aw = g.asend(None)
print(type(aw).__name__)
try:
    aw.send(None)
except StopIteration as e:
    print("direct", e.value)
