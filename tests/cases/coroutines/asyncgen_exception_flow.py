def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def agen():
    yield 1
    raise ValueError("agen failed")
async def main():
    got = []
    try:
        async for v in agen():
            got.append(v)
    except ValueError as e:
        got.append(str(e))
    return got
print(run(main()))
async def stop_inside():
    yield 1
    raise StopAsyncIteration
async def main2():
    try:
        async for v in stop_inside():
            pass
    except RuntimeError as e:
        return f"{type(e).__name__}: {e}"
print(run(main2()))
