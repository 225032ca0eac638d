def log_method(f):
    def w(self, *a):
        print(f"{type(self).__name__}.{f.__name__}{a}")
        return f(self, *a)
    return w
class Calc:
    @log_method
    def add(self, a, b):
        return a + b
    @staticmethod
    @log_method
    def weird(self):
        return "static wrapped"
    @property
    @log_method
    def prop(self):
        return 42
c = Calc()
print(c.add(1, 2), c.prop, Calc.weird(c))
