class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("__prepare__", name)
        return {"injected": 1}
class A(metaclass=Meta, tag="t"):
    def __init__(self, v):
        self.v = v
class B(A):
    pass
a = A(5)
print(a.v, A.tag, B.tag, type(A).__name__, type(B).__name__, A.injected)
X = type("X", (object,), {"m": lambda self: "m"})
print(X().m(), X.__name__, type(X))
class M2(type):
    def __repr__(cls):
        return f"<M2 {cls.__name__}>"
class C(metaclass=M2):
    pass
print(C, repr(C), isinstance(C, M2))
class M3(type): pass
try:
    class Conflict(A, C): pass
except TypeError as e:
    print(type(e).__name__, e)
