def append_to(x, target=[]):
    target.append(x)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)
append_to.__defaults__ = ([100],)
print(append_to(5))
def kw(a, *, b=[]):
    b.append(a)
    return b
kw(1); kw(2)
print(kw.__kwdefaults__)
