def parse(s):
    return int(s)
def parse_all(items):
    out = []
    for it in items:
        try:
            out.append(parse(it))
        except ValueError as e:
            out.append(f"bad:{e}")
    return out
print(parse_all(["1", "x", "3"]))
def deep(n):
    if n == 0:
        raise IndexError("deep error")
    try:
        deep(n - 1)
    finally:
        print("unwinding", n)
try:
    deep(3)
except IndexError as e:
    print("caught", e)
def tb_depth():
    try:
        deep(2)
    except IndexError as e:
        tb, n = e.__traceback__, 0
        while tb:
            n += 1
            tb = tb.tb_next
        return n
print("depth", tb_depth())
