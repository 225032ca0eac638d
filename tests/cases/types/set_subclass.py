class S(set):
    pass
class F(frozenset):
    pass
s = S([1, 2])
print(s, type(s | {3}).__name__, type(s.copy()).__name__)
f = F([1, 2])
print(f, type(f | {3}).__name__, type(f.copy()).__name__, f.copy() is f)
print(repr(S()), repr(F()), F() == frozenset(), hash(F([1])) == hash(frozenset([1])))
class G(frozenset):
    def __new__(cls, *a):
        return super().__new__(cls, *a)
    def __repr__(self):
        return 'G!'
print(G([1]), {G([1])})
class R(set):
    def __repr__(self):
        return 'R' + super().__repr__()
print(R([1]))
print(S.__mro__, F.__mro__)
