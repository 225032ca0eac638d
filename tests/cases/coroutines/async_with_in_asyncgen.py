def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Res:
    async def __aenter__(self):
        print("open")
        return self
    async def __aexit__(self, *a):
        print("close", a[0].__name__ if a[0] else None)
async def lines():
    async with Res():
        for l in ["a", "b", "c"]:
            yield l
async def main():
    out = []
    async for l in lines():
        out.append(l)
    return out
print(run(main()))
