print("circ.a start")
from . import b
A_VALUE = "a"
def use_b():
    return b.B_VALUE
print("circ.a end")
