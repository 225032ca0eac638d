async def failing():
    raise RuntimeError("from coroutine")
async def main():
    await failing()
main().send(None)
