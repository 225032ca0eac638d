def gen_squares(n):
    for i in range(n):
        yield i * i
print(list(gen_squares(5)), sum(gen_squares(4)), type(gen_squares(1)).__name__)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def count_calls(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@count_calls
def noop(x):
    return x
for i in range(4):
    noop(i)
print(noop.calls)
