class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
s = {P(1, 2), P(1, 2), P(2, 1)}
print(len(s), P(1, 2) in s, P(3, 3) in s)
d = {P(0, 0): "origin"}
print(d[P(0, 0)])
print(hash(P(1, 2)) == hash((1, 2)))
class Mutable:
    def __init__(self):
        self.v = 0
    def __hash__(self):
        return self.v
    def __eq__(self, o):
        return self is o
m = Mutable()
st = {m}
m.v = 12345
print(m in st, m in list(st))
