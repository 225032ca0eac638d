class A:
    pass
print(A.__hash__ is object.__hash__, hash(A()) == hash(A()))
class B:
    def __eq__(self, o):
        return True
print(B.__hash__)
try:
    hash(B())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {B(): 1}
except TypeError as e:
    print(type(e).__name__, e)
class C(B):
    def __hash__(self):
        return 7
print(hash(C()), len({C(): 1, C(): 2}), list({C(): 1, C(): 2}.values()))
class D:
    def __eq__(self, o):
        return isinstance(o, D)
    __hash__ = object.__hash__
d = D()
print({d: 1}[d], D() == D())
class E:
    def __hash__(self):
        return -1
print(hash(E()))
class F:
    def __hash__(self):
        return 2 ** 100
print(hash(F()))
class G:
    def __hash__(self):
        return "x"
try:
    hash(G())
except TypeError as e:
    print(type(e).__name__, e)
class H(B):
    __hash__ = B.__hash__
print(H.__hash__ is None)
