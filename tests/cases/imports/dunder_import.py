m = __import__("pkg.sub")
print(m.__name__)
m2 = __import__("pkg.sub", fromlist=["helper"])
print(m2.__name__, m2.helper())
import sys
print(__import__("pkg.deep.leaf", fromlist=["*"]).__name__, "pkg.deep.leaf" in sys.modules)
