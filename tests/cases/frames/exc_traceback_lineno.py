import sys
def f():
    try:
        x = [1]
        x[5]
    except IndexError:
        t, v, tb = sys.exc_info()
        return tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next
print(f())
def g():
    try:
        raise KeyError
    except KeyError as e:
        return e.__traceback__.tb_frame is sys._getframe()
print(g())
try:
    def h():
        return 1 // 0
    h()
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
