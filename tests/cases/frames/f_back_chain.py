import sys
def a():
    return b()
def b():
    return c()
def c():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return names
print(a())
class K:
    def method(self):
        return sys._getframe().f_back.f_code.co_name
def caller():
    return K().method()
print(caller(), [sys._getframe().f_code.co_name for _ in range(1)])
