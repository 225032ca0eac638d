import sys
def line():
    return sys._getframe(1).f_lineno
print(line())
x = (
    line()
)
print(x)
def multi():
    a = line()
    b = line(); c = line()
    return a, b, c
print(multi())
if True:
    print("in if", line())
for i in range(2):
    print("loop", line())
