def show(*a, **k):
    return a, k
def v(x):
    print("eval", x)
    return x
print(show(v(1), *[v(2), v(3)], v(4), k=v(5), **{"z": v(6)}))
print(show(*(), **{}))
print(show(*"ab", *b"c"))
