# dict delete with int keys: delete every key of an N-entry dict, R times
# (only the deletes are timed).
import time
N = 100_000
R = 20
keys = [i * 7919 for i in range(N)]


def run():
    total = 0.0
    for _ in range(R):
        d = dict.fromkeys(keys)
        t0 = time.perf_counter()
        for k in keys:
            del d[k]
        total += time.perf_counter() - t0
    return total


print(run())
