import types
@types.coroutine
def legacy():
    x = yield "legacy yield"
    return f"legacy got {x}"
async def modern():
    r = await legacy()
    return r
m = modern()
print(m.send(None))
try:
    m.send("hello")
except StopIteration as e:
    print(e.value)
