print("circ.b start")
from . import a
B_VALUE = "b"
def use_a():
    return a.A_VALUE
print("circ.b end, a has A_VALUE:", hasattr(a, "A_VALUE"))
