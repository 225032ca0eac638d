# str() of a 100,000-digit number (the 4300-digit limit lifted).
import sys
import time
sys.set_int_max_str_digits(0)
a = 7 ** 118_334 + 12345          # about 100,000 decimal digits


def run():
    return len(str(a))


t0 = time.perf_counter()
run()
print(time.perf_counter() - t0)
