def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print(type(e).__name__, e)
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
d = count(0)
print(900 < d <= 1000)
print("still works", f.__name__)
