class MyList(list):
    def append(self, v):
        super().append(v * 10)
l = MyList([1, 2])
l.append(3)
print(l, len(l), type(l).__name__, isinstance(l, list), l + [0], type(l + [0]).__name__)
class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))
d = MyDict()
d["a"] = 1
d.update(b=2)
print(d, type(d).__name__)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hi")
print(s.shout(), s + "x", type(s + "x").__name__, repr(s), s == "hi")
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
i = MyInt(5)
print(i, repr(i), i + 1, type(i + 1).__name__, str(i))
class MyTuple(tuple):
    pass
print(MyTuple((1, 2)), MyTuple((1,)).__class__.__name__)
class E(Exception):
    pass
print(E("x"), repr(E("x")), E.__mro__)
