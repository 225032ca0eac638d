class Node:
    def __init__(self):
        self.other = self
    def __repr__(self):
        return f"Node({self.other!r})"
try:
    repr(Node())
except RecursionError as e:
    print(type(e).__name__, e)
l = []
l.append(l)
print(repr(l), str([l, [l]]))
d = {}
d[1] = d
print(d, {"x": [d]})
class Wrapper(list):
    pass
w = Wrapper()
w.append(w)
print(w)
