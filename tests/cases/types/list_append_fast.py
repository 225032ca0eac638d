# `lst.append(x)` and a bound `app = lst.append; app(x)` on exact lists run
# without the call machinery; everything else must still be a real call.
import sys

lst = []
app = lst.append
for i in range(10):
    app(i)
    lst.append(i * 2)
print(lst, len(lst))
print(lst.append(1), app(2), lst[-2:])


class L(list):
    def append(self, x):
        print("L.append", x)
        super().append(x)


l2 = L()
l2.append(3)
la = l2.append
la(4)
print(l2)


class M(list):
    pass


m = M()
m.append(4)
ma = m.append
ma(5)
print(m, type(m).__name__)

print(list.append(lst, 99), lst[-1])
for bad in ((), (1, 2)):
    try:
        lst.append(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    app(x=1)
except TypeError as e:
    print("TypeError:", e)
try:
    list.append(5, 1)
except TypeError as e:
    print("TypeError:", e)


class O:
    def append(self, x):
        print("O.append", x)


O().append(7)
o = O()
o.append = lambda x: print("instance append", x)
o.append(8)

x = object()
before = sys.getrefcount(x)
lst.append(x)
app(x)
print(sys.getrefcount(x) - before)
del lst[-2:]
print(sys.getrefcount(x) - before)

# A list appending to itself, and appending while iterating a copy.
s = []
s.append(s)
print(s, s[0] is s)
t = [1, 2]
for v in list(t):
    t.append(v * 10)
print(t)
