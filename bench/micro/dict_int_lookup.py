# dict lookup with int keys: look every key of an N-entry dict up, R times.
import time
N = 100_000
R = 20
keys = [i * 7919 for i in range(N)]
d = dict.fromkeys(keys, 1)


def run():
    n = 0
    for _ in range(R):
        for k in keys:
            n += d[k]
    return n


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
