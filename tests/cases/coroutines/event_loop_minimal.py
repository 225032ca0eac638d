class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield
def scheduler(coros):
    ready = list(coros)
    results = {}
    step = 0
    while ready:
        name, c = ready.pop(0)
        try:
            c.send(None)
            ready.append((name, c))
        except StopIteration as e:
            results[name] = (e.value, step)
        step += 1
    return results
async def worker(name, n):
    for i in range(n):
        print(name, "step", i)
        await Sleep(1)
    return name * n
print(scheduler([("a", worker("a", 2)), ("b", worker("b", 3)), ("c", worker("c", 1))]))
