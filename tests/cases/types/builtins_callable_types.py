import types
def f():
    pass
class C:
    def m(self):
        pass
    @staticmethod
    def s():
        pass
print([callable(x) for x in (f, C, C(), C().m, C.s, len, [].append, int.__add__, 1, 'x', None, type, object(), lambda: 0, iter, types.FunctionType)])
print(type(f).__name__, type(len).__name__, type([].append).__name__, type(C().m).__name__, type(int.__add__).__name__, type((1).__add__).__name__)
print(type(str.join).__name__, type(dict.__dict__['fromkeys']).__name__, type(object.__init__).__name__)
print(repr(len), repr(int.__add__)[:40], repr([].append)[:31])
print(len.__name__, len.__qualname__, len.__module__, len.__self__)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
print([].append.__name__, [].append.__qualname__, type([].append.__self__).__name__)
print(dict.fromkeys.__name__, dict.fromkeys.__qualname__)
print(len.__text_signature__, sorted.__text_signature__, iter.__text_signature__)
print(list.append.__text_signature__, dict.get.__text_signature__, int.__add__.__text_signature__)
