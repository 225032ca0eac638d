class C:
    shared = []
    counter = 0
    def __init__(self):
        C.counter += 1
        self.own = []
a, b = C(), C()
a.shared.append(1)
a.own.append(2)
print(b.shared, b.own, C.counter)
a.counter = 100
print(a.counter, b.counter, C.counter)
del a.counter
print(a.counter)
C.new_attr = "added later"
print(a.new_attr)
def method(self):
    return "dynamic method"
C.m = method
print(a.m())
print(sorted(k for k in C.__dict__ if not k.startswith("__")), type(C.__dict__).__name__)
try:
    C.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
