# The Pattern / Match / Scanner API, sub/split/findall corner cases, errors.
import copy
import re

p = re.compile(r"(?P<key>\w+)=(?P<val>\w*)")
m = p.search("  a=1 b= c=3")
print(m, repr(m), m.re is p, m.string, m.pos, m.endpos)
print(m.group(), m.group(0), m.group(1, 2), m.group("key", 2), m["val"], m[0])
print(m.start(), m.end(), m.span(), m.start("val"), m.end(2), m.span("key"))
print(m.groups(), m.groupdict(), m.regs, m.lastindex, m.lastgroup)
print(m.expand(r"\g<val>:\g<key> \2\1 \g<0>"), m.expand(b"x" and r"[\n]"))
print(copy.copy(m) is m, copy.deepcopy(m) is m, copy.copy(p) is p, copy.deepcopy(p) is p)
for bad in (3, -1, "nope", 1.5, None, True):
    try:
        print(m.group(bad))
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    m[[1]]
except Exception as e:
    print(type(e).__name__, e)
m2 = re.match(r"(a)(b)?(?P<c>c)?", "a")
print(m2.groups(), m2.groups("-"), m2.groupdict(), m2.groupdict(0), m2.span(2), m2.start(3), m2.regs)
print(m2.lastindex, m2.lastgroup, re.match("a", "a").lastindex, re.match("(a)(?P<n>b)", "ab").lastgroup)
print(re.match(r"((a)b)", "ab").lastindex, re.match(r"(a)((b))", "ab").lastindex)
print(p.pattern, p.flags, p.groups, p.groupindex, dict(p.groupindex), re.compile("a").groupindex)
try:
    p.groupindex["x"] = 1
except TypeError as e:
    print("TypeError", e)
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I), re.compile("a") != re.compile("b"))
print(hash(re.compile("ab")) == hash(re.compile("ab")), re.compile("a") == "a", {re.compile("q"): 1}[re.compile("q")])
print(re.Pattern, re.Match, re.Pattern[str], re.Match[bytes], type(p).__name__, type(m).__name__)
for t in (re.Pattern, re.Match):
    try:
        t()
    except TypeError as e:
        print("TypeError", e)
# findall shapes
print(re.findall(r"\d", "a1b2"), re.findall(r"(\d)", "a1b2"), re.findall(r"(\d)(x)?", "a1b2x"))
print(re.findall(r"", "ab"), re.findall(r"a*", "baac"), re.findall(r"\b", "ab cd"))
print(re.findall(rb"\d+", b"a12b3"), re.findall(r"\w+", bytearray(b"x") and "no"))
# split
print(re.split(r",", "a,b,c"), re.split(r",", "a,b,c", 1), re.split(r"(,)", "a,b"), re.split(r"(,)|(;)", "a,b;c"))
print(re.split(r"\s*", "a b  c"), re.split(r"x*", "axbc"), re.split(r"^$", "", flags=re.M), re.split(r"\b", "ab cd"))
print(re.split(rb"-", b"a-b"), re.split(r"(?=b)", "abab"), re.split(r"a", "aaa"), re.split("x", ""))
# sub / subn
print(re.sub(r"a", "b", "aaa"), re.sub(r"a", "b", "aaa", 2), re.subn(r"a", "b", "aaa"), re.subn("z", "y", "aaa"))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.sub(r"(?P<w>\w+)", r"[\g<w>]", "a b"))
print(re.sub(r"x*", "-", "abc"), re.sub(r"x+", "-", "axxbxc"), re.sub(r"", "-", ""), re.sub("$", "!", "ab\n"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1b22c333"))
print(re.sub(r"(a)|(b)", lambda m: m.group(1) or m.group(2).upper(), "abab"))
print(re.sub(r"a", r"\n", "bab") == "b\nb", re.sub(r"a", "\\\\", "a"), re.sub(r"(a)", r"\g<1>0", "a"))
print(re.sub(rb"a", b"b", b"aa"), re.sub(rb"(a)", rb"[\1]", bytearray(b"xa")), re.sub(r"a", "", "banana"))
print(re.subn(r"(?i)B", "-", "abcB", count=1), re.sub("a", lambda m: "", "aXa"))
print(re.sub("(b)?c", r"[\1]", "ac bc"), re.sub("(?:b)?", "-", "abc"))
print(re.escape("a.b*c?d+e(f)g[h]i{j}k|l^m$n\\o p\tq-r#s&t~u"), re.escape(b"a.b"))
# finditer / scanner
print([(m.start(), m.group()) for m in re.finditer(r"a*", "baac")])
it = re.finditer(r"\w", "ab")
print(next(it).group(), next(it).group(), next(it, "done"))
sc = re.compile(r"\d").scanner("1a23")
print(sc.pattern.pattern, sc.match().group(), sc.match(), sc.match(), sc.search())
sc = re.compile(r"\d").scanner("1a23")
print(sc.search().group(), sc.search().group(), sc.search().group(), sc.search(), sc.search())
print(type(sc).__name__)
# Scanner class from re
scanner = re.Scanner([(r"\d+", lambda s, t: int(t)), (r"[a-z]+", lambda s, t: t.upper()), (r"\s+", None)])
print(scanner.scan("12 abc 7 x!"))
# type errors
for f in (lambda: re.search("a", 1), lambda: re.search(b"a", "a"), lambda: re.search("a", b"a"),
          lambda: re.compile(1), lambda: re.sub("a", 1, "a"), lambda: re.sub("a", "b", 2),
          lambda: re.sub("a", lambda m: 1, "a"), lambda: p.match(), lambda: p.match("a", "b"),
          lambda: p.search("a", pos=1.5), lambda: re.purge()):
    try:
        print(f())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
# re.error messages (from the Python parser)
for pat in ["(", ")", "[a", "a**", "(?P<1>a)", "(?P=x)", "\\", "a{2,1}", "(?<=a*)b", "(?z)",
            "\\9", "[z-a]", "(?P<a>x)(?P<a>y)", "x{2}{3}", "(?i", "\\p", "(?(2)a)", "*a", "a{,70000}"]:
    try:
        re.compile(pat)
        print(pat, "ok")
    except re.error as e:
        print(pat, "->", e, e.pos, e.lineno, e.colno)
try:
    re.sub("(a)", r"\2", "a")
except re.error as e:
    print("error", e)
try:
    re.sub("(a)", r"\g<x>", "a")
except (re.error, IndexError) as e:
    print(type(e).__name__, e)
print(re.match("(?P<n>a)", "a").expand(r"\g<n>\g<1>"))
print(re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123", flags=0).end())
