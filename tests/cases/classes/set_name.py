class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.owner, self.name = owner.__name__, name
class Model:
    a = Field()
    b = Field()
print(Model.a.name, Model.b.owner)
class Late:
    pass
f = Field()
Late.x = f
print(hasattr(f, "name"))
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("nope")
try:
    class M:
        attr = Bad()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
