class A:
    pass
class B:
    def __repr__(self):
        return "B-repr"
class C:
    def __str__(self):
        return "C-str"
print(str(B()), repr(B()), str(C()), repr(C()).startswith("<__main__.C object"), [B()], [C()].__repr__().startswith("[<__main__.C"))
print(f"{B()}", f"{C()}", "%s %r" % (B(), B()))
print(A.__repr__ is object.__repr__, A.__str__ is object.__str__, repr(A), repr(int), repr(object))
class Nested:
    class Inner:
        pass
print(Nested.Inner.__qualname__, repr(Nested.Inner))
