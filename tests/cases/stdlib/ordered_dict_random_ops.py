import random
from collections import OrderedDict as OD
rng = random.Random(1234)
od = OD()
log = []
for step in range(3000):
    op = rng.randrange(10)
    k = rng.randrange(20)
    try:
        if op == 0: od[k] = step
        elif op == 1: del od[k]
        elif op == 2: od.move_to_end(k, last=rng.random() < 0.5)
        elif op == 3: log.append(od.popitem(last=rng.random() < 0.5))
        elif op == 4: log.append(od.pop(k, None))
        elif op == 5: log.append(od.setdefault(k, -step))
        elif op == 6: od.update({k: step, k + 1: step})
        elif op == 7:
            od2 = od.copy(); od2.move_to_end(next(iter(od2))) if od2 else None
            log.append(od2 == od)
        elif op == 8: log.append(list(reversed(od.items()))[:3])
        elif op == 9 and rng.random() < 0.05: od.clear()
    except KeyError as e:
        log.append(('KE', e.args))
    if step % 100 == 0:
        log.append(list(od.items()))
print(len(log), log[-5:], hash(str(log)) if False else len(str(log)))
print(str(log)[:2000])
