class E:
    def __eq__(self, other):
        return self == other
try:
    E() == E()
except RecursionError as e:
    print(type(e).__name__, e)
a = [1]
a.append(a)
b = [1]
b.append(b)
try:
    print(a == b)
except RecursionError as e:
    print(type(e).__name__, e)
print(a == a, a[1] is a)
