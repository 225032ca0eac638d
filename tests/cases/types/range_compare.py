def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
t(lambda: range(0, 10, 2) == range(0, 9, 2))
t(lambda: range(0) == range(1, 1))
t(lambda: range(1, 2, 5) == range(1, 3, 7))
t(lambda: range(3) == [0, 1, 2])
t(lambda: range(3) != range(3))
t(lambda: range(1) <= range(1))
t(lambda: hash(range(1, 2, 5)) == hash(range(1, 3, 7)))
t(lambda: {range(3): 1}[range(0, 3)])
t(lambda: 5 in range(0, 10, 5))
t(lambda: -5 in range(0, -10, -5))
t(lambda: 1.0 in range(3))
t(lambda: 1.5 in range(3))
t(lambda: '1' in range(3))
t(lambda: True in range(3))
class X:
    def __eq__(self, o):
        return o == 2
t(lambda: X() in range(5))
t(lambda: range(5).index(X()))
t(lambda: range(5).count(X()))
t(lambda: range(5).index(5))
t(lambda: range(5).index('x'))
t(lambda: range(0, 20, 3).index(18))
t(lambda: range(10, 0, -3).index(4))
t(lambda: range(10, 0, -3).count(4))
t(lambda: list(range(10, 0, -3)))
t(lambda: range(10)[::-3])
t(lambda: range(-5, 5)[-3:])
t(lambda: range(-5, 5)[2:-2:2])
t(lambda: range(10)[slice(2**70)])
t(lambda: range(0, 10, 3)[-5])
