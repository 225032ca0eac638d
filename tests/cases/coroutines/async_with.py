def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class ACM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    async def __aenter__(self):
        print("aenter", self.name)
        return self.name
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return self.swallow
async def main():
    async with ACM("a") as a, ACM("b") as b:
        print("body", a, b)
    async with ACM("c", swallow=True):
        raise ValueError("suppressed")
    try:
        async with ACM("d"):
            raise KeyError("escapes")
    except KeyError as e:
        print("caught", repr(e))
    try:
        async with object():
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
    return "ok"
print(run(main()))
