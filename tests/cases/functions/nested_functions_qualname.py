def a():
    def b():
        def c():
            return c.__qualname__
        return c
    return b
print(a.__qualname__, a().__qualname__, a()()(), a()().__name__)
class K:
    def m(self):
        return lambda: None
    class Inner:
        def im(self):
            pass
print(K().m().__qualname__, K.Inner.im.__qualname__, K.Inner.__qualname__)
