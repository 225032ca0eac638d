class Step:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        yield self.n
        return self.n * 10
async def task():
    total = 0
    try:
        total += await Step(1)
        total += await Step(2)
        return total
    finally:
        print("finally, total =", total)
c = task()
print(c.send(None), c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
