class C:
    pass
c = C()
print(c.__eq__(c), c.__eq__(1), c.__ne__(1), c.__lt__(1), c.__class__ is C, C.__class__ is type)
print(object.__eq__(1, 1), sorted(set(dir(c)) - set(dir(object))), "__dict__" in dir(c))
print(c.__reduce_ex__(2)[0].__name__, c.__sizeof__() > 0, type(c.__init__).__name__, type(object.__init__).__name__)
c.__class__ = type("Other", (), {})
print(type(c).__name__)
try:
    (1).__class__ = C
except TypeError as e:
    print(type(e).__name__, e)
print(object.__subclasshook__(), C.__init_subclass__(), object().__format__("") == str(object) or "fmt")
try:
    format(object(), "x")
except TypeError as e:
    print(type(e).__name__, e)
