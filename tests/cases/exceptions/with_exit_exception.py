class Boom:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
try:
    with Boom():
        raise ValueError("body")
except RuntimeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
class EnterFails:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("exit not called")
try:
    with EnterFails():
        print("not reached")
except OSError as e:
    print(type(e).__name__, e)
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "yes"
with Truthy():
    1 / 0
print("suppressed by truthy")
