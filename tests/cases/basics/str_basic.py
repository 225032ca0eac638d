s = "Hello, World"
print(s, len(s), s[0], s[-1], s[1:5], s[::-1], s[::2])
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize())
print(s.find("o"), s.rfind("o"), s.find("z"), s.index("W"), s.count("l"))
print(s.startswith("Hell"), s.endswith(("x", "ld")), "lo" in s, "xyz" not in s)
print(s.replace("l", "L"), s.replace("l", "L", 1), s.split(", "), "a b  c".split())
print("a,b,,c".split(","), "a,b,c".rsplit(",", 1), "a\nb\r\nc".splitlines(), "x".join(["1", "2", "3"]))
print("  pad  ".strip(), "xxpadxx".strip("x"), "  pad".lstrip(), "pad  ".rstrip() + "|")
print("abc".center(9, "*"), "abc".ljust(6, "-"), "abc".rjust(6), "42".zfill(5), "-42".zfill(5))
print("abc".isalpha(), "123".isdigit(), "abc123".isalnum(), "   ".isspace(), "Abc".istitle(), "ABC".isupper())
print("a-b-c".partition("-"), "a-b-c".rpartition("-"), "abc".partition("x"))
print("ab" * 3, 3 * "-", "a" + "b", "%s=%d" % ("x", 5), "%5.2f|%-4s|%x" % (3.14159, "ab", 255))
try:
    s.index("z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s[0] = "h"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[100]
except IndexError as e:
    print(type(e).__name__, e)
