class Singleton:
    _inst = None
    def __new__(cls, *a):
        print("__new__", cls.__name__, a)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("__init__", v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
class I(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(I(5), type(I(5)).__name__, I(5) + 1)
