class C:
    count = 0
    @classmethod
    def create(cls, *args):
        cls.count += 1
        return cls, args
    @staticmethod
    def util(x):
        return x * 2
class D(C):
    pass
print(C.create(1), D.create(), C().create(), C.count, D.count)
print(C.util(3), C().util(4), D.util(5))
print(type(C.__dict__["create"]).__name__, type(C.__dict__["util"]).__name__)
print(C.__dict__["util"].__func__(6), C.__dict__["create"].__func__.__name__)
m = C.create
print(type(m).__name__, m.__self__ is C, m.__func__ is C.__dict__["create"].__func__)
sm = staticmethod(len)
print(sm.__get__(None, C)([1, 2]), callable(sm))
cm = classmethod(lambda cls: cls.__name__)
class E:
    who = cm
print(E.who(), E().who())
