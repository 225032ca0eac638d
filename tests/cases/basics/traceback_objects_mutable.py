# Traceback objects: tb_next can be reassigned (as unittest and jinja2 do to
# trim tracebacks), types.TracebackType builds new ones.
import sys, types, traceback

def inner():
    raise ValueError("inner")
def outer():
    inner()

try:
    outer()
except ValueError as e:
    tb = e.__traceback__
print([t.tb_frame.f_code.co_name for t in iter(lambda c=[tb]: c and c.pop(), None)] if False else None)
names = []
t = tb
while t:
    names.append(t.tb_frame.f_code.co_name)
    t = t.tb_next
print(names)
# Drop the innermost entry.
t = tb
while t.tb_next.tb_next:
    t = t.tb_next
t.tb_next = None
print(len(traceback.extract_tb(tb)), traceback.extract_tb(tb)[-1].name)
for bad in [1, "x", tb]:
    try:
        tb.tb_next = bad
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
try:
    del tb.tb_next
except TypeError as err:
    print("TypeError", err)
f = sys._getframe()
new = types.TracebackType(None, f, 0, 42)
print(new.tb_lineno, new.tb_lasti, new.tb_next, new.tb_frame is f)
chained = types.TracebackType(new, f, 4, 7)
print(chained.tb_next is new, chained.tb_lasti)
for args in [(1, f, 0, 1), (None, 1, 0, 1), (None, f, "x", 1), (None, f, 0)]:
    try:
        types.TracebackType(*args)
    except TypeError as err:
        print("TypeError", err)
print(types.TracebackType(tb_next=None, tb_frame=f, tb_lasti=2, tb_lineno=3).tb_lineno)
try:
    raise KeyError("k").with_traceback(types.TracebackType(None, f, 0, 5))
except KeyError as e:
    print([x.lineno for x in traceback.extract_tb(e.__traceback__)])
