# The classic frame/traceback cycle: an exception kept in a local of the
# frame its traceback points to.
import gc
import sys
import weakref

gc.disable()
gc.collect()


class Marker:
    pass


refs = []


def keep_exception():
    m = Marker()
    refs.append(weakref.ref(m))
    try:
        raise ValueError("boom")
    except ValueError as e:
        saved = e
    return None


keep_exception()
print(refs[-1]() is not None)
gc.collect()
print(refs[-1]() is None)


def keep_exc_info():
    m = Marker()
    refs.append(weakref.ref(m))
    try:
        1 / 0
    except ZeroDivisionError:
        info = sys.exc_info()
    return info[0].__name__


print(keep_exc_info())
print(refs[-1]() is not None)
gc.collect()
print(refs[-1]() is None)


def keep_frame():
    m = Marker()
    refs.append(weakref.ref(m))
    f = sys._getframe()
    return f.f_code.co_name


print(keep_frame())
print(refs[-1]() is not None)
gc.collect()
print(refs[-1]() is None)


def traceback_only():
    try:
        raise KeyError("k")
    except KeyError as e:
        return e


exc = traceback_only()
tb = exc.__traceback__
print(tb.tb_frame.f_code.co_name if tb.tb_next is None else tb.tb_next.tb_frame.f_code.co_name)
m = Marker()
rm = weakref.ref(m)
exc.marker = m
m.exc = exc
del exc, tb, m
gc.collect()
print(rm() is None)
