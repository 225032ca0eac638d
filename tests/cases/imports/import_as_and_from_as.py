import pkg.sub as s1
from pkg import sub as s2
from pkg.sub import helper as h
print(s1 is s2, h is s1.helper, h())
import sys as system, pkg as P
print(system.__name__, P.VALUE)
