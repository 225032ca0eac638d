print(type(1), type(type), type(object), object.__bases__, type.__bases__, type.__mro__)
T = type("T", (), {"x": 1, "__repr__": lambda self: "T()"})
print(T, T(), T.x, T.__name__, T.__qualname__, T.__module__)
T.__name__ = "Renamed"
print(T.__name__, T.__qualname__)
U = type("U", (T,), {})
print(U.__mro__ == (U, T, object), U().x)
try:
    type("Bad", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("a", "b")
except TypeError as e:
    print(type(e).__name__, e)
try:
    class X(int, str): pass
except TypeError as e:
    print(type(e).__name__, e)
print(type.__name__, type(type.__dict__).__name__, "__init__" in type.__dict__)
