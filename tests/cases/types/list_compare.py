def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
t(lambda: [1, 2] == [1, 2])
t(lambda: [1, 2] != [1, 2.0])
t(lambda: [1, [2]] < [1, [3]])
t(lambda: [] <= [])
t(lambda: [1] > [])
t(lambda: [1, 2] >= [1, 2])
t(lambda: [1, 'a'] < [1, 2])
t(lambda: [1, 'a'] == [1, 2])
t(lambda: [None] < [None])
t(lambda: [1].__lt__(1))
t(lambda: [1].__eq__((1,)))
class C:
    def __eq__(self, o):
        print('eq called')
        return True
c = C()
t(lambda: [c] == [c])
t(lambda: [C()] == [C()])
t(lambda: c in [1, 2])
t(lambda: [1, 2].count(c))
t(lambda: [5, 6].index(c))
t(lambda: [1, 2, 3].remove(c) if False else [1, 2, 3])
class Lt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print('lt', self.v, o.v)
        return self.v < o.v
    def __eq__(self, o):
        print('eq', self.v, o.v)
        return self.v == o.v
t(lambda: [Lt(1), Lt(2)] < [Lt(1), Lt(3)])
t(lambda: (Lt(1), Lt(2)) <= (Lt(1), Lt(2)))
