print("Hello".casefold(), "ß".upper(), "İ".lower().encode(), "ﬁ".upper())
print("a\tb\tc".expandtabs(4), "hello world".translate({ord("o"): "0", ord("l"): None}))
t = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(t))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
print("{} and {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{0[1]}".format([5, 6]))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:08.3f}".format(3.14159), "{!r}".format("q"))
print("ABC".encode(), "é".encode("utf-8"), b"\xc3\xa9".decode(), "abc".encode("ascii"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print("  a  b  ".split(" "), "a1b2c3".split("1"), "".split(), "".split(","))
print("x".isidentifier(), "1x".isidentifier(), "ab".isascii(), "é".isascii(), "٣".isdecimal(), "²".isdigit(), "½".isnumeric())
print(sorted("hello"), list("abc"), "-".join(map(str, range(5))), min("hello"), max("hello"))
