import pkg
print(pkg.VALUE, pkg.helper(), pkg.sub.helper(), pkg.__name__, pkg.__package__)
import pkg.sub
print(pkg.sub is __import__("pkg.sub").sub)
from pkg.deep import leaf
print(leaf.get(), leaf.__name__, leaf.__package__)
import pkg.deep.leaf as L
print(L is leaf)
