# int arithmetic: small-int add/sub/mul/floordiv/mod/shift/and in a loop.
import time
N = 1_000_000


def run():
    acc = 0
    for i in range(N):
        a = i * 3 + 7
        b = (a // 5) - (a % 11)
        acc = (acc + (b << 2) ^ (a & 255)) % 1_000_003
    return acc


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
