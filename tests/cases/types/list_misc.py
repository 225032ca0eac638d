def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
a = [1, 2, 3]
a.extend(a)
t(lambda: a)
a[1:1] = a
t(lambda: a)
b = [1, 2, 3]
del b[:]
t(lambda: b)
c = list(range(10))
del c[1:8:2]
t(lambda: c)
del c[::-1]
t(lambda: c)
t(lambda: [x * 2 for x in range(5) if x != 2])
t(lambda: [[y for y in range(x)] for x in range(4)])
t(lambda: list.__new__(list, 1, 2))
t(lambda: list.__init__([], 1, 2))
l = [1, 2]
list.__init__(l, 'xyz')
t(lambda: l)
t(lambda: list.__class_getitem__(int))
t(lambda: list[int]([1]))
t(lambda: [].__getitem__())
t(lambda: [1, 2].__getitem__(slice(0, 1)))
t(lambda: [].__setitem__(0, 1))
t(lambda: [0].__delitem__('a'))
t(lambda: [1, 2].__contains__(2))
t(lambda: [1, 2, 3].__reduce_ex__(2)[0].__name__)
t(lambda: [1, 2].__iter__().__reduce__()[1])
t(lambda: [1].index(1, 0, 2**100))
t(lambda: [1].index(1, -2**100))
t(lambda: [1].insert(2**100, 0))
t(lambda: [1].pop(2**100))
t(lambda: [1].pop(-2))
