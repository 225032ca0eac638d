def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    return [x for _, x in zip(range(n), it)]
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def primes():
    found = []
    for n in naturals():
        if n > 1 and all(n % p for p in found):
            found.append(n)
            yield n
print(take(5, naturals()), take(5, evens(naturals())), take(10, primes()))
