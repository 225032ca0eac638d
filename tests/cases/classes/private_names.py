class A:
    def __init__(self):
        self.__secret = 1
        self._prot = 2
    def get(self):
        return self.__secret
    def __private_method(self):
        return "pm"
    def call(self):
        return self.__private_method()
a = A()
print(a.get(), a.call(), a._prot, sorted(a.__dict__), a._A__secret)
try:
    a.__secret
except AttributeError as e:
    print(type(e).__name__, e)
class B(A):
    def get2(self):
        try:
            return self.__secret
        except AttributeError as e:
            return f"{type(e).__name__}: {e}"
print(B().get2())
