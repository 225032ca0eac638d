# gc.callbacks: called with "start" and "stop" and an info dict holding
# generation, collected and uncollectable.
import gc

gc.disable()
gc.collect()

events = []


def cb(phase, info):
    events.append((phase, sorted(info.items())))


gc.callbacks.append(cb)
a = []
a.append(a)
b = [a, []]
b[1].append(b)
del a, b
n = gc.collect()
print(n)
for e in events:
    print(e)

events.clear()
gc.collect(0)
gc.collect(1)
gc.collect(generation=2)
for e in events:
    print(e)

events.clear()


def cb2(phase, info):
    events.append(("cb2", phase))


gc.callbacks.append(cb2)
gc.collect()
print(events)
gc.callbacks.remove(cb)
gc.callbacks.remove(cb2)
events.clear()
gc.collect()
print(events, gc.callbacks)
