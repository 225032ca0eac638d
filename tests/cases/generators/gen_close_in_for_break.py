def g():
    try:
        for i in range(10):
            yield i
    finally:
        print("gen cleaned up")
for v in g():
    if v == 2:
        break
print("after loop")
it = g()
for v in it:
    if v == 1:
        break
print("still alive")
print(next(it))
it.close()
print("closed")
