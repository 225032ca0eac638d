def g():
    yield 1
    yield 2
it = g()
print(it.gi_running, it.gi_frame is not None, it.gi_code.co_name, it.gi_yieldfrom)
print(it.gi_frame.f_lasti, it.gi_frame.f_lineno)
next(it)
print(it.gi_frame.f_lineno, it.gi_running)
list(it)
print(it.gi_frame, it.gi_running)
def running():
    yield gen.gi_running
gen = running()
print(next(gen))
def outer():
    yield from inner
inner = g()
o = outer()
next(o)
print(o.gi_yieldfrom is inner)
def reentrant():
    yield next(self_ref)
self_ref = reentrant()
try:
    next(self_ref)
except ValueError as e:
    print(type(e).__name__, e)
