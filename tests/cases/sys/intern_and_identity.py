import sys
a = sys.intern("hello world!")
b = sys.intern("hello world!")
print(a is b, a == b)
print(sys.getrefcount(None) > 0, sys.getrefcount(1) > 0)
s = "".join(["ab", "cd"])
print(s is sys.intern(s) or s == "abcd")
