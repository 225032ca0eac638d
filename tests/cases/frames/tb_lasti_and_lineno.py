def fail():
    a = 1
    b = 0
    return a / b
try:
    fail()
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_frame.f_code.co_name)
    inner = tb.tb_next
    print(inner.tb_lineno, inner.tb_frame.f_code.co_name, inner.tb_frame.f_lineno, inner.tb_lasti > 0)
    print(type(inner.tb_frame.f_lasti).__name__, inner.tb_frame.f_locals)
