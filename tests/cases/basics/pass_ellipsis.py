def stub():
    pass
def stub2():
    ...
class Empty:
    pass
print(stub(), stub2(), Ellipsis, ..., type(...).__name__, ... is Ellipsis, repr(...))
print(NotImplemented, type(NotImplemented).__name__, bool(Ellipsis))
x = [1, 2, 3]
print(x[...] if False else "no ellipsis index on list")
try:
    x[...]
except TypeError as e:
    print(type(e).__name__, e)
