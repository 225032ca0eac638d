def inner():
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
try:
    try:
        inner()
    except ValueError:
        raise TypeError("third")
except TypeError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(f"{type(x).__name__}({x})")
        x = x.__context__
    print(" <- ".join(chain))
try:
    try:
        raise ValueError("a")
    finally:
        print("finally runs")
except ValueError as e:
    print("context in finally:", e.__context__)
def reraise():
    try:
        raise ValueError("orig")
    except ValueError:
        raise
try:
    reraise()
except ValueError as e:
    print("bare raise", e, e.__context__)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
