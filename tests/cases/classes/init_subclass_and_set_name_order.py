class D:
    def __set_name__(self, owner, name):
        print("set_name", name, "on", owner.__name__)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class Child(Base, extra=1):
    x = D()
    y = D()
print("done")
