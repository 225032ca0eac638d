for i in range(5):
    if i == 3:
        break
    print("for", i)
else:
    print("for-else not reached")
for i in range(3):
    pass
else:
    print("for-else reached", i)
for i in range(6):
    if i % 2:
        continue
    print("even", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 0:
        break
print("n", n)
for i in []:
    print("never")
else:
    print("empty else")
for x in range(3):
    for y in range(3):
        if y == x:
            break
    else:
        print("no break", x)
    print("outer", x, y)
total = 0
for i in range(10):
    try:
        if i == 5:
            break
        continue
    finally:
        total += i
print("total", total)
