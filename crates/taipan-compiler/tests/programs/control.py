if x:
    y = 1
elif z:
    y = 2
else:
    y = 3
while x < 10:
    x += 1
    if x == 5:
        continue
    if x == 7:
        break
else:
    done = True
for i in range(10):
    if i:
        print(i)
else:
    print("end")
for a, b in pairs:
    pass
if a and b or c:
    pass
if not (a or b):
    pass
z = a if b else c
