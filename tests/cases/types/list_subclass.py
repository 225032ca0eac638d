class L(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = 't'
    def append(self, x):
        super().append(x * 2)
l = L([1, 2])
l.append(3)
print(l, l.tag, type(l + l).__name__, type(l[:]).__name__, type(l * 2).__name__)
print(repr(L()), L('ab') == ['a', 'b'], isinstance(l, list))
class M(list):
    def __repr__(self):
        return 'M' + super().__repr__()
print(M([1, M([2])]))
print([M([3])])
l2 = L()
l2 += [1]
print(type(l2).__name__, l2)
print(sorted(L([3, 1, 2])), type(sorted(L([3]))).__name__)
class N(list):
    def __len__(self):
        return 99
print(len(N([1])), list(N([1, 2])))
