d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 100] = 1
except RuntimeError as e:
    print('RuntimeError', e)
d = {i: i for i in range(5)}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RuntimeError', e)
d = {i: i for i in range(5)}
for k in d:
    d[k] = k * 10
print(d)
d = {i: i for i in range(5)}
try:
    for v in d.values():
        d.pop(4)
except RuntimeError as e:
    print('RuntimeError', e)
d = {i: i for i in range(5)}
try:
    for kv in d.items():
        d.clear()
except RuntimeError as e:
    print('RuntimeError', e)
d = {i: i for i in range(5)}
it = iter(d)
next(it)
del d[3]
d[3] = 3
try:
    print(list(it))
except RuntimeError as e:
    print('RuntimeError', e)
d = {1: 1}
it = iter(d)
d[2] = 2
del d[1]
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError', e)
