import sys
def gen():
    yield sys._getframe()
g = gen()
fr = next(g)
try:
    fr.clear()
except RuntimeError as e:
    print(type(e).__name__, e)
def f():
    x = 1
    return sys._getframe()
frame = f()
print(frame.f_locals)
frame.clear()
print(frame.f_locals)
print(frame.f_code.co_name)
