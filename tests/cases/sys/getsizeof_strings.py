import sys
for s in ["", "a", "ab", "a" * 10, "é", "é" * 10, "€", "€" * 10, "\U0001f600", "\U0001f600" * 10]:
    print(len(s), sys.getsizeof(s))
x = "abc"
hash(x)
print(sys.getsizeof(x))
