def g():
    x = 1
    yield x
    x = 2
    yield x
it = g()
next(it)
fr = it.gi_frame
print(fr.f_locals, fr.f_lineno)
it.close()
print(it.gi_frame, fr.f_locals)
