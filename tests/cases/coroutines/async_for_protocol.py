def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    async for t in Ticker(3):
        print("tick", t)
    else:
        print("for-else")
    print({t: t * t async for t in Ticker(2)})
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print(type(e).__name__, e)
run(main())
