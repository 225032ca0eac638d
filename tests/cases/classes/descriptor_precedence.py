class Data:
    def __get__(self, o, t=None):
        return "data descr"
    def __set__(self, o, v):
        print("data set", v)
class NonData:
    def __get__(self, o, t=None):
        return "non-data descr"
class C:
    d = Data()
    n = NonData()
c = C()
c.__dict__["d"] = "inst d"
c.__dict__["n"] = "inst n"
print(c.d, c.n)
c.d = 5
print(c.__dict__["d"])
class Meta(type):
    attr = "from metaclass"
class K(metaclass=Meta):
    pass
print(K.attr)
try:
    K().attr
except AttributeError as e:
    print(type(e).__name__, e)
class K2(metaclass=Meta):
    attr = "from class"
print(K2.attr)
