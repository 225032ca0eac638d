x = 5
print(x is 5, x is not 'a', x is None, x is (1, 2), x is ())
def f():
    return [1, 2] [0, 1]
try:
    f()
except TypeError as e:
    print(e)
def g():
    return (1, 2) (3, 4)
def h():
    return {1, 2}[0]
def k():
    return 'abc'['x']
def m():
    return 5[0]
assert (x, 'msg')
print(__debug__)
print(type(compile("1 is 1", "<s>", "eval")).__name__)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile("x is 'a'", "<s2>", "exec")
    print([str(i.message) for i in w], [i.category.__name__ for i in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        compile("\n\nx is 'a'", "<s3>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e, e.lineno, e.offset)
print(f"{x}"(1) if False else 0)
