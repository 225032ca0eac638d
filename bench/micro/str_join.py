# str join: join lists of short ASCII and non-ASCII strs.
import time
parts = ["word%d" % i for i in range(10_000)]
uparts = ["wörd%d" % i for i in range(10_000)]
R = 300


def run():
    n = 0
    for _ in range(R):
        n += len(" ".join(parts))
        n += len(",".join(uparts))
        n += len("".join(parts))
    return n


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
