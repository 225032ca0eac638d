def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
g = acc()
print(g.send(None))
print(g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
g2 = acc()
try:
    g2.send(5)
except TypeError as e:
    print(type(e).__name__, e)
def echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    return received
e = echo()
next(e)
e.send("a"); e.send("b")
try:
    e.send("c")
except StopIteration as s:
    print(s.value)
