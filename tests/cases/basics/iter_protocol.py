class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return CountIter(self.n)
class CountIter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)), [x * 2 for x in Count(2)], 2 in Count(3))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), list(reversed([1, 2])))
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in 3.5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Bad:
    def __iter__(self):
        return 1
try:
    iter(Bad())
except TypeError as e:
    print(type(e).__name__, e)
it = iter(lambda c=[0]: c.__setitem__(0, c[0] + 1) or c[0], 4)
print(list(it))
