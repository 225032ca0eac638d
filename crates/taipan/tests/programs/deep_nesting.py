# Deep nesting with the recursion limit raised to a million: every path ends in
# RecursionError or succeeds, never in a native stack overflow (CPython itself may
# crash on some of these, so this is checked here rather than in tests/cases).
import sys
sys.setrecursionlimit(10**6)
a = []; b = []
for i in range(200000):
    a = [a]; b = [b]
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError", e)
t = ()
for i in range(200000):
    t = (t,)
try:
    print(hash(t) is not None)
except RecursionError as e:
    print("RecursionError", e)
d = {}
for i in range(200000):
    d = {"k": d}
try:
    print(len(repr(d)) > 0)
except RecursionError as e:
    print("RecursionError", e)
x = None
for i in range(3000000):
    x = (x, i)
del x
print("freed")
class Node:
    __slots__ = ("next",)
n = None
for i in range(1000000):
    m = Node(); m.next = n; n = m
del n, m
print("freed nodes")
import sys
sys.setrecursionlimit(10**6)
l = []
for i in range(100000):
    l = [l]
try:
    print(len(str(l)) > 0)
except RecursionError as e:
    print("RecursionError", e)
