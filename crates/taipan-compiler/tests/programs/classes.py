class A:
    pass

class B(A):
    x = 1
    def m(self):
        return self.x

class C(A, metaclass=type):
    "doc"
    def __init__(self, v):
        super().__init__()
        self.__private = v

    @property
    def p(self):
        return self.__private

    @staticmethod
    def s():
        return __class__
