a = ValueError("x")
b = ValueError("x")
print(a == b, a.args == b.args, a is not b, str(a) == str(b))
print(repr(Exception()), repr(Exception(None)), repr(Exception(1, "two")), str(Exception(1, "two")))
print(repr(KeyError("a", "b")), str(KeyError("a", "b")), str(KeyError(1)), str(IndexError("i")))
e = Exception("orig")
e.extra = "attr"
print(e.extra, e.__dict__)
print(BaseException.__new__(ValueError).args, type(ValueError.__new__(ValueError, 1, 2)).__name__)
