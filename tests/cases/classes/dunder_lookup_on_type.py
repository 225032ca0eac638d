class C:
    def __len__(self):
        return 5
c = C()
c.__len__ = lambda: 99
print(len(c), c.__len__())
class D:
    pass
d = D()
d.__repr__ = lambda: "instance repr"
print(repr(d).startswith("<__main__.D"), d.__repr__())
D.__repr__ = lambda self: "class repr"
print(repr(d))
D.__add__ = lambda self, o: ("added", o)
print(d + 1)
del D.__add__
try:
    d + 1
except TypeError as e:
    print(type(e).__name__, e)
