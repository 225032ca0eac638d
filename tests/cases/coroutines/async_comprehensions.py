def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def agen(n):
    for i in range(n):
        yield i
async def double(x):
    return x * 2
async def main():
    a = [x async for x in agen(4) if x % 2 == 0]
    b = [await double(x) for x in range(3)]
    c = {x: await double(x) async for x in agen(2)}
    d = [y for x in range(2) async for y in agen(x + 1)]
    return a, b, c, d
print(run(main()))
