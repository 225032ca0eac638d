# list append: append N ints to a fresh list, R times.
import time
N = 200_000
R = 20


def run():
    for _ in range(R):
        lst = []
        app = lst.append
        for i in range(N):
            app(i)
        lst2 = []
        for i in range(N):
            lst2.append(i)


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
