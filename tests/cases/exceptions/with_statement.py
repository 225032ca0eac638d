class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.swallow
with CM("a") as v:
    print("body", v)
with CM("b", swallow=True):
    raise ValueError("swallowed")
print("after b")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with CM("x") as x, CM("y") as y:
    print("two", x, y)
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
