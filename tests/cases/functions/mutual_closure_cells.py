def make():
    a = 1
    def get():
        return a
    def set_(v):
        nonlocal a
        a = v
    return get, set_
get, set_ = make()
print(get())
set_(42)
print(get(), get.__closure__[0] is set_.__closure__[0], get.__closure__[0].cell_contents)
def cell_in_loop():
    out = []
    for i in range(3):
        def capture(i=i):
            return i
        out.append(capture)
    return [c() for c in out]
print(cell_in_loop())
def arg_cell(x):
    def show():
        return x
    x += 1
    return show()
print(arg_cell(10))
