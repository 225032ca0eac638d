def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")
def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")
g = outer()
next(g)
g.close()
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(99)
        return self.n
    def close(self):
        print("It.close called")
def wrap():
    r = yield from It()
    print("result", r)
print(list(wrap()))
w = wrap()
next(w)
w.close()
