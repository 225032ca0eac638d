print("pkg.deep init")
from ..sub import helper as parent_helper
