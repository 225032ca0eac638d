print("".join([]), ",".join(["a"]), "ab".join("xyz"), " ".join(("t", "u")))
print("a b".split(" "), " a b ".split(" "), "a  b".split(" "), "abc".split("abc"), "x".split("x", 0))
print("1,2,3".split(",", 1), "1,2,3".rsplit(",", 1), "a".rsplit(), "\n".splitlines(), "a\n\nb\n".splitlines(True))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    ",".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
