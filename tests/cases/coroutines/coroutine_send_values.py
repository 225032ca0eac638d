class Channel:
    def __await__(self):
        value = yield "waiting"
        return value
async def consumer():
    total = 0
    for _ in range(3):
        v = await Channel()
        print("received", v)
        total += v
    return total
c = consumer()
print(c.send(None))
print(c.send(10))
print(c.send(20))
try:
    c.send(30)
except StopIteration as e:
    print("total", e.value)
