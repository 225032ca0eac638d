def gen():
    yield 1
    yield {}["nope"]
for x in gen():
    print(x)
