# str split: split on whitespace, on a one-char and a multi-char separator, and splitlines.
import time
text = " ".join("word%d" % i for i in range(10_000))
csv = ",".join("field%d" % i for i in range(10_000))
multi = "<>".join("p%d" % i for i in range(10_000))
lines = "\n".join("line %d" % i for i in range(10_000))
R = 200


def run():
    n = 0
    for _ in range(R):
        n += len(text.split())
        n += len(csv.split(","))
        n += len(multi.split("<>"))
        n += len(lines.splitlines())
    return n


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
