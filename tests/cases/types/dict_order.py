d = {}
for i in range(100):
    d[i * 7 % 101] = i
for i in range(0, 100, 3):
    del d[i * 7 % 101]
print(list(d)[:20])
print(len(d))
for i in range(1000, 1050):
    d[i] = i
print(list(d)[-10:])
d2 = {}
for k in ['x', 'y', 'z']:
    d2[k] = 1
del d2['x']
d2['x'] = 2
print(d2)
d2['y'] = 9
print(d2)
# popitem order is LIFO
d3 = dict.fromkeys(range(10))
print([d3.popitem()[0] for _ in range(5)], list(d3))
d3[100] = 1
print(list(d3))
# many deletes then reinserts
d4 = {str(i): i for i in range(50)}
for i in range(0, 50, 2):
    del d4[str(i)]
for i in range(0, 50, 4):
    d4[str(i)] = -i
print(list(d4.items())[:12])
print(list(d4)[-5:])
