it = iter([1, 2])
print(next(it), next(it), next(it, 'end'), next(it, None))
class Count:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(Count()), sum(Count()), max(Count()), sorted(Count(), reverse=True))
print(list(map(lambda x: x * 2, Count())))
print(list(enumerate(Count(), 1)))
print(list(zip(Count(), 'abcd')))
print(any(x > 2 for x in Count()), all(x > 0 for x in Count()))
g = (i for i in range(3))
print(next(g), list(g), next(g, 'done'))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
