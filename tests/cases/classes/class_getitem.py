class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int], Box["x"], Box[1, 2])
print(list[int], dict[str, list[int]], type(list[int]).__name__, list[int].__origin__, list[int].__args__)
print(tuple[int, ...], list[int]() == [])
try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)
class Sub(Box):
    pass
print(Sub[0])
