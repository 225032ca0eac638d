def boom(n):
    return boom(n + 1)
for i in range(3):
    try:
        boom(0)
    except RecursionError as e:
        print(i, type(e).__name__, e)
def ok(n):
    return n if n == 0 else ok(n - 1)
print(ok(500))
