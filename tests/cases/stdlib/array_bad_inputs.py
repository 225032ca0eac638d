import array, sys

def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class Flt:
    def __float__(self): return 2.5

vals = [0, -1, 1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536,
        2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**63 - 1, 2**63, -2**63,
        -2**63 - 1, 2**64 - 1, 2**64, -2**64, 10**30, -10**30, 1.5, 'a', None, True, Idx(5),
        Idx(2**70), Flt(), b'a']
for tc in 'bBhHiIlLqQfdu':
    out = []
    for v in vals:
        try:
            a = array.array(tc, [v])
            out.append(repr(a[0]))
        except Exception as e:
            out.append('%s: %s' % (type(e).__name__, e))
    print(tc, out)
t(lambda: array.array())
t(lambda: array.array('i', [], 1))
t(lambda: array.array('ii'))
t(lambda: array.array(''))
t(lambda: array.array(1))
t(lambda: array.array('x'))
t(lambda: array.array('x', 5))
t(lambda: array.array('i', 5))
t(lambda: array.array('i', 'abc'))
t(lambda: array.array('i', array.array('u', 'a')))
t(lambda: array.array('u', [1]))
t(lambda: array.array('u', ['ab']))
t(lambda: array.array('d', ['x']))
t(lambda: array.array('i', typecode='i'))
t(lambda: array.array(typecode='i'))
class Sub(array.array):
    def __init__(self, *a, **k): pass
t(lambda: Sub('i', [1], x=1))
t(lambda: array.array('i', [1, 2]) * (2**62))
t(lambda: array.array('i', [1]) * sys.maxsize)
t(lambda: array.array('i', [1]) * 'x')
t(lambda: array.array('i', [1]) * 2.0)
def irep():
    a = array.array('d', [1.0]); a *= 2**62
t(irep)
t(lambda: array.array('i').fromfile(open(__file__, 'rb'), sys.maxsize))
t(lambda: array.array('i', [1])[2**100])
t(lambda: array.array('i', [1]).__setitem__(2**100, 1))
t(lambda: array.array('i', [1]).__setitem__(5, 1))
t(lambda: array.array('i', [1]).__setitem__(0, 'x'))
t(lambda: array.array('i', [1]).__setitem__('a', 1))
t(lambda: array.array('i', [1]).__delitem__('a'))
t(lambda: array.array('i', [1]).pop(2**100))
t(lambda: array.array('i', [1]).insert(2**100, 1))
t(lambda: array.array('i', [1]).index(1, 2**100))
t(lambda: array.array('i', [1]).index(1, -2**100))
t(lambda: array.array('i', [1]).index())
t(lambda: array.array('i', [1]).index(1, 0, 1, 1))
t(lambda: array.array('i', [1]).pop(1, 2))
t(lambda: array.array('i', [1]).append())
t(lambda: array.array('i').tolist(1))
t(lambda: array.array('i', [1, 2, 3])[::0])
t(lambda: array.array('i', [1, 2, 3]).__setitem__(slice(None, None, 0), array.array('i')))
t(lambda: array.array('i', [1, 2, 3])[1:2:2**100])
t(lambda: array.array('i', [1, 2, 3])[-2**100:2**100])
# mutation during iteration / comparisons
a = array.array('i', range(5))
out = []
for x in a:
    out.append(x)
    if x == 1:
        del a[3:]
print(out, a)
a = array.array('i', range(3))
out = []
for x in a:
    out.append(x)
    if len(a) < 6:
        a.append(x + 10)
print(out)
a = array.array('i', [1, 2, 3])
a.extend(a); print(a)
a += a; print(a)
a[1:3] = a; print(a)
class Evil:
    def __init__(self, arr): self.arr = arr
    def __eq__(self, other):
        del self.arr[:]
        return False
a = array.array('i', [1, 2, 3])
print(a.count(Evil(a)), a)
a = array.array('i', [1, 2, 3])
t(lambda: a.index(Evil(a)))
a = array.array('i', [1, 2, 3])
t(lambda: a.remove(Evil(a)))
a = array.array('i', [1, 2, 3])
print(Evil(a) in a, a)
class Grow:
    def __init__(self, arr, lst): self.arr = arr; self.lst = lst
    def __index__(self):
        self.lst.append(1)
        return 1
a = array.array('i')
lst = []
lst.extend([Grow(a, lst), 2])
t(lambda: a.fromlist(lst))
print(a)
class BadIter:
    def __iter__(self): return self
    def __next__(self): raise ValueError('boom')
a = array.array('i', [1])
t(lambda: a.extend(BadIter()))
t(lambda: array.array('i', BadIter()))
a = array.array('i', [1, 2])
t(lambda: a.extend([3, 'x', 4]))
print(a)
class Mut:
    def __init__(self, arr): self.arr = arr
    def __index__(self):
        self.arr.append(99)
        return 7
a = array.array('i', [1, 2])
a[0] = Mut(a)
print(a)
a = array.array('i', [1, 2])
a.insert(0, Mut(a)); print(a)
class F:
    def read(self, n): return b'\x01\x00'
t(lambda: array.array('i').fromfile(F(), 1))
class W:
    def __init__(self, arr): self.arr = arr; self.n = 0
    def write(self, b):
        self.n += len(b)
a = array.array('b', [1]) * 200000
w = W(a)
a.tofile(w); print(w.n, len(a))
print(array.array('b') * sys.maxsize, array.array('b', [1]) * 0, array.array('h', [1]) * -5)
e = array.array('i'); e *= sys.maxsize; print(e)
t(lambda: array.array('b', [1]) * (2**62))
t(lambda: array.array('b', [1]) * (2**63))
