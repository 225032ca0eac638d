# dict insert with str keys: build a str-keyed dict of N entries, R times.
import time
N = 100_000
R = 20
keys = ["key%d" % i for i in range(N)]


def run():
    for _ in range(R):
        d = {}
        for k in keys:
            d[k] = k


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
