# bigint multiply: two 100,000-digit numbers, multiplied R times.
import time
a = 7 ** 118_334 + 12345          # about 100,000 decimal digits
b = 3 ** 209_590 + 67890          # about 100,000 decimal digits
R = 20


def run():
    for _ in range(R):
        c = a * b
    return c


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
