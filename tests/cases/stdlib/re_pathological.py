# Patterns that backtrack a lot or nest deeply must finish, in bounded
# memory, with CPython's answers.
import re

print(re.match(r"(a+)+b", "a" * 16))
print(re.match(r"(a|aa)+$", "a" * 26 + "b"))
print(re.match(r"(?:a*)*b", "a" * 12))
print(re.search(r"(x+x+)+y", "x" * 14))
print(re.match(r"(a*)*$", "a" * 5000).span())
print(re.match(r"(?:a|b)*c", "ab" * 50000 + "c").end())
print(re.match(r"(a|b)*?c", "ab" * 20000 + "c").end())
print(re.match(r"(?:(a)|b)*", "ab" * 30000).span(1))
print(len(re.findall(r"\w+", "word " * 100000)))
print(re.sub(r"\s+", " ", " x  " * 20000)[:20])
deep = "(" * 90 + "a" + ")" * 90
print(re.match(deep, "a").span(90))
nested = "(?:" * 200 + "a" + ")*" * 200
print(re.match(nested, "aaa").span())
alts = "|".join("w%d" % i for i in range(2000))
print(re.search(alts, "xx w1999 yy").group())
print(re.match(r"(?>a+)b", "a" * 100000), re.match(r"a++b", "a" * 100000))
print(re.match(r"(.*)(.*)(.*)(.*)(.*)x", "a" * 40))
print(re.fullmatch(r"(?:a{2,5}){3,7}", "a" * 31))
print(re.search(r"(?<!\d)(\d{1,3}(?:,\d{3})+)(?!\d)", "x 1,234,567 y").group(1))
print(re.match(r"(\w+\s?)*$", "an example sentence here"))
print(bool(re.match(r"^(([a-z])+.)+[A-Z]([a-z])+$", "aaaaaaaaaaaaaaaaaaaaaaaa!")))
print(re.search(r"a{1000}", "a" * 999), re.search(r"a{1000}", "a" * 1000).span())
print(re.match(r"(a?){16}a{16}", "a" * 16).span())
