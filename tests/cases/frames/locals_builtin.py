def f(a):
    b = 2
    l1 = locals()
    c = 3
    l2 = locals()
    return l1, l2, l1 is l2
print(f(1))
print(sorted(k for k in locals() if not k.startswith("__")))
class C:
    x = 1
    print(sorted(locals()))
def with_comp():
    n = 5
    return [sorted(locals()) for _ in range(1)]
print(with_comp())
