async def f(xs):
    r = [await g(x) for x in xs]
    s = {x async for x in aiter()}
    t = [[y async for y in z] for z in xs]
    async with a as b, c as d:
        return r
