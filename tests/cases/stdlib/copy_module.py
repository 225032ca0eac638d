import copy
a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(s, d, s[1] is a[1], d[1] is a[1])
class C:
    def __init__(self):
        self.items = [1]
c = C()
c2 = copy.deepcopy(c)
c2.items.append(2)
print(c.items, c2.items)
