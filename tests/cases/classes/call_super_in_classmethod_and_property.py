class A:
    @property
    def name(self):
        return "A"
    @classmethod
    def kind(cls):
        return "A-kind:" + cls.__name__
class B(A):
    @property
    def name(self):
        return "B>" + super().name
    @classmethod
    def kind(cls):
        return "B>" + super().kind()
print(B().name, B.kind())
class C(B):
    def __init__(self):
        self.n = super().name
print(C().n)
