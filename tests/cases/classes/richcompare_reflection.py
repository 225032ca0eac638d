class A:
    def __lt__(self, o):
        print("A.__lt__")
        return NotImplemented
    def __gt__(self, o):
        print("A.__gt__")
        return NotImplemented
class B:
    def __gt__(self, o):
        print("B.__gt__")
        return "B>A"
    def __lt__(self, o):
        print("B.__lt__")
        return "B<A"
print(A() < B())
print(A() > B())
class Sub(A):
    def __gt__(self, o):
        print("Sub.__gt__")
        return "sub wins"
print(A() < Sub())
class EqA:
    def __eq__(self, o):
        print("EqA.__eq__")
        return NotImplemented
print(EqA() == EqA(), EqA() != 3)
x = EqA()
print(x == x)
