class Counted(type):
    instances = 0
    def __call__(cls, *a, **k):
        Counted.instances += 1
        return super().__call__(*a, **k)
class X(metaclass=Counted):
    def __init__(self, v=0):
        self.v = v
X(); X(1); X(v=2)
print(Counted.instances, type(X).instances)
class Meta(type):
    def describe(cls):
        return f"class {cls.__name__}"
    @property
    def upper_name(cls):
        return cls.__name__.upper()
class Y(metaclass=Meta):
    pass
print(Y.describe(), Y.upper_name, hasattr(Y(), "describe"))
print(type(Y), type(type(Y)), Meta.__mro__)
class Auto(type):
    def __new__(mcs, name, bases, ns):
        ns["created_by"] = mcs.__name__
        ns["attrs"] = sorted(k for k in ns if not k.startswith("__"))
        return super().__new__(mcs, name, bases, ns)
class Z(metaclass=Auto):
    a = 1
    def m(self): pass
print(Z.created_by, Z.attrs)
