class D:
    def __get__(self, inst, owner):
        return ('get', inst is None, owner.__name__)
    def __set__(self, inst, v):
        print('set', v)
    def __delete__(self, inst):
        print('delete')
class ND:
    def __get__(self, inst, owner):
        return 'nd'
class A:
    d = D()
    nd = ND()
a = A()
print(a.d, A.d)
a.d = 5
del a.d
print(a.nd)
a.__dict__['nd'] = 'inst'
a.__dict__['d'] = 'inst'
print(a.nd, a.d)
print(getattr(a, 'd'), getattr(A, 'nd'))
class G:
    def __getattribute__(self, n):
        if n == 'special':
            return 'sp'
        return object.__getattribute__(self, n)
    def __getattr__(self, n):
        return 'fallback ' + n
g = G()
print(g.special, g.other, getattr(g, 'zzz'))
class SA:
    def __setattr__(self, n, v):
        print('setattr', n, v)
        object.__setattr__(self, n, v)
    def __delattr__(self, n):
        print('delattr', n)
        object.__delattr__(self, n)
s = SA()
s.x = 1
setattr(s, 'y', 2)
del s.x
delattr(s, 'y')
try:
    del s.q
except AttributeError as e:
    print(e)
print(vars(s))
