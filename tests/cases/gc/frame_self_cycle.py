# A frame that holds itself (through a local, or through its exception's
# traceback) is collected with everything in it, and the numbers
# gc.collect() reports for it.
import gc
import sys

gc.disable()
gc.collect()


def holds_own_frame():
    me = sys._getframe()


holds_own_frame()
print("own frame", gc.collect())


def holds_own_exception():
    try:
        1 / 0
    except ZeroDivisionError as e:
        saved = e


holds_own_exception()
print("own exception", gc.collect())


def many():
    for i in range(50):
        holds_own_frame()


many()
print("fifty frames", gc.collect())


def frame_and_list():
    box = [sys._getframe()]
    box.append(box)


frame_and_list()
print("frame and list", gc.collect())
print("nothing left", gc.collect())
