x = "global"
class C:
    x = "class"
    y = x + "-derived"
    def m(self):
        return x
    z = [x for _ in range(1)]
print(C.y, C().m(), C.z)
def f():
    x = "f-local"
    class D:
        print("in D body", x)
        x = "D attr"
        w = x
    return D
D = f()
print(D.x, D.w)
def g():
    y = 1
    class E:
        nonlocal y
        y = 2
    return y
print(g())
