class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield f"suspend {self.tag}"
        return f"{self.tag} resumed with {got}"
async def task():
    a = await Suspend("A")
    print(a)
    b = await Suspend("B")
    print(b)
    return "task done"
t = task()
print(t.send(None))
print(t.send(1))
try:
    t.send(2)
except StopIteration as e:
    print(e.value)
class Bad:
    def __await__(self):
        return 5
async def uses_bad():
    await Bad()
try:
    uses_bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)
async def await_int():
    await 3
try:
    await_int().send(None)
except TypeError as e:
    print(type(e).__name__, e)
