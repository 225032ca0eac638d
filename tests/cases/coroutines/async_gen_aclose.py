def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit in agen")
        raise
    finally:
        print("agen finally")
async def main():
    g = gen()
    print(await g.__anext__())
    await g.aclose()
    print("aclosed")
    g2 = gen()
    await g2.aclose()
    print("aclose unstarted")
run(main())
async def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def main2():
    g = bad()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print(type(e).__name__, e)
run(main2())
