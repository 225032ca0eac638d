i = 0
acc = []
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    if i > 8:
        break
    acc.append(i)
else:
    print("not reached")
print(acc, i)
a, b = 0, 1
fib = []
while len(fib) < 15:
    fib.append(a)
    a, b = b, a + b
print(fib)
stack = [1, [2, [3, [4]]]]
depth = 0
while stack:
    depth += 1
    stack = stack[-1] if isinstance(stack[-1], list) else []
print("depth", depth)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz", steps)
