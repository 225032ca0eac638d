# Since PEP 442 cycles with __del__ are collected, not put in gc.garbage;
# gc.garbage is an ordinary list the program may fill itself.
import gc

gc.disable()
gc.collect()

log = []


class WithDel:
    def __del__(self):
        log.append("del")


w = WithDel()
w.me = w
del w
gc.collect()
print(log, gc.garbage)
print(type(gc.garbage).__name__)
gc.garbage.append("mine")
gc.collect()
print(gc.garbage)
del gc.garbage[:]
print(gc.garbage)
