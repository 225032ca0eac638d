class MetaCheck(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", type(obj).__name__)
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return hasattr(sub, "quack")
class Duck(metaclass=MetaCheck):
    pass
class Mallard:
    quack = True
print(isinstance(Mallard(), Duck), isinstance(1, Duck), issubclass(Mallard, Duck), issubclass(int, Duck))
print(isinstance(Duck(), Duck))
print(isinstance(1, (str, Duck)))
try:
    isinstance(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(True, int), issubclass(bool, (str, int)), isinstance([], (list,)), issubclass(int, int))
