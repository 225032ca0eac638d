async def agen(n):
    for i in range(n):
        yield i
    print("agen exhausted")
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    print("async for", out)
    print("comp", [v async for v in agen(2)])
    it = agen(2)
    print(await it.__anext__(), await it.__anext__())
    try:
        await it.__anext__()
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    return "main done"
print(run(main()))
a = agen(1)
print(type(a).__name__, a.__name__, a.__qualname__, a.ag_running, a.ag_code.co_name)
