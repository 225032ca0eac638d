from contextlib import contextmanager, suppress
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
with suppress(KeyError):
    {}["x"]
print("suppressed")
try:
    with tag("err"):
        raise ValueError("in body")
except ValueError as e:
    print("caught", e)
