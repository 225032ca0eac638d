# float arithmetic: add/sub/mul/div and comparisons on floats in a loop.
import time
N = 1_000_000


def run():
    x = 0.5
    acc = 0.0
    for i in range(N):
        y = x * 1.0001 + 0.25
        z = y / 3.0 - x
        acc += z * z
        if acc > 1e6:
            acc -= 1e6
        x = y if y < 100.0 else 0.5
    return acc


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
