# list sort: sort shuffled ints, shuffled floats and shuffled strs (a fixed LCG
# makes the data), plus a key= sort.
import time
N = 200_000
x = 12345
ints = []
for i in range(N):
    x = (x * 1103515245 + 12345) % 2**31
    ints.append(x)
floats = [v / 7.0 for v in ints]
strs = ["s%d" % v for v in ints[: N // 2]]


def run():
    for _ in range(3):
        sorted(ints)
        sorted(floats)
        sorted(strs)
        sorted(ints, key=lambda v: -v)
        sorted(ints, reverse=True)


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
