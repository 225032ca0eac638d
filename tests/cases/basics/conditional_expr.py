for x in [-2, 0, 3]:
    print("neg" if x < 0 else "zero" if x == 0 else "pos")
def f(x):
    print("f", x)
    return x
print(f(1) if f(True) else f(2))
print(f(1) if f(0) else f(2))
y = [1, 2] if len("ab") == 2 else None
print(y)
if 0:
    print("no")
elif []:
    print("no")
elif "x":
    print("elif taken")
else:
    print("no")
z = 5
if z > 3 and z < 10 or z == 100:
    print("and/or")
if not z > 10:
    print("not")
