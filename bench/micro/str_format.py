# str format: f-strings and str.format with ints, floats and strs.
import time
N = 200_000


def run():
    n = 0
    name = "abc"
    for i in range(N):
        x = i * 0.5
        n += len(f"{i} {name} {x:.2f} {i:>8} {i:x}")
        n += len("{} {} {:.3f} {:08d}".format(i, name, x, i))
        n += len("%d %s %.1f" % (i, name, x))
    return n


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
