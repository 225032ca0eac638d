def f():
    raise ValueError("tb")
def g():
    f()
try:
    g()
except ValueError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0, type(tb).__name__)
        tb = tb.tb_next
