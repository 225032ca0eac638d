from .. import VALUE
from . import parent_helper
print("leaf init", __name__, VALUE)
def get():
    return parent_helper()
