def g():
    yield 1
    yield 2
it = g()
next(it)
try:
    it.throw(ValueError("thrown"))
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
