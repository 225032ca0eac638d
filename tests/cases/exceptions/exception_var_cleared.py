try:
    raise ValueError("x")
except ValueError as err:
    kept = err
print("err" in dir(), kept)
def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        pass
    return "exc" in locals()
print(f())
