# A caught MemoryError does not keep its traceback, frames and their locals
# alive once the handler is done: objects die when their frame ends.
class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def f(name):
    d = D(name)
    try:
        [0] * 10**12
    except MemoryError as e:
        print(repr(e), e.__traceback__ is not None, e.__context__)


f("first")
print("after first")
f("second")
print("after second")
try:
    bytes(10**13)
except MemoryError as e:
    print(type(e).__name__, e.args)
x = D("module level")
try:
    x2 = [x] * 10**12
except MemoryError:
    pass
del x
print("end")
