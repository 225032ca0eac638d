def g(a):
    b = a * 2
    yield locals()
    c = b + 1
    yield locals()
it = g(5)
print(next(it))
print(next(it))
print(it.gi_frame.f_locals)
def closure_gen():
    x = 1
    def inner():
        return x
    yield inner()
    x = 2
    yield inner()
print(list(closure_gen()))
