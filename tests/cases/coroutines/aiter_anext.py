async def g():
    yield 1
    yield 2
def drive(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
async def main():
    a = aiter(g())
    r = [await anext(a), await anext(a), await anext(a, "end"), await anext(a, None)]
    try:
        await anext(a)
    except StopAsyncIteration:
        r.append("SAI")
    return r
print(drive(main()))
for bad in [1, [1]]:
    try: aiter(bad)
    except TypeError as e: print(e)
    try: anext(bad)
    except TypeError as e: print(e)
class AI:
    def __aiter__(self): return 5
try: aiter(AI())
except TypeError as e: print(e)
print(type(anext(g(), 1)).__name__)
try: anext()
except TypeError as e: print(e)
