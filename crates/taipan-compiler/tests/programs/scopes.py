g = 0
def f():
    global g
    g = 1
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    return mid
class K:
    y = 1
    def m(self):
        return y
