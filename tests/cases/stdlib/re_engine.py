# The SRE matcher: groups, backreferences, lookarounds, repeats of every kind.
import re

def show(pat, s, flags=0, fn="search"):
    try:
        m = getattr(re, fn)(pat, s, flags)
    except re.error as e:
        print("error:", e)
        return
    if m is None:
        print(repr(pat), repr(s), None)
    else:
        print(repr(pat), repr(s), m.span(), m.group(), m.groups(), m.lastindex)

# literals, classes, anchors
show(r"abc", "xxabcxx")
show(r"^abc$", "abc")
show(r"^abc$", "abc\n")
show(r"\Aabc\Z", "abc\n")
show(r"a.c", "a\nc")
show(r"a[^b]c", "abc adc")
show(r"[a-f0-9]+", "zz09afg")
show(r"[\d\s]+", "ab 12 3cd")
show(r"[^\W\d]+", "12ab_c3")
show(r"\bfoo\b", "a foo b")
show(r"\Bfoo\B", "afoob")
show(r"x*", "")
show(r"", "abc")
# greedy, lazy, possessive, atomic
show(r"a.*b", "aXbYb")
show(r"a.*?b", "aXbYb")
show(r"a.*+b", "aXbYb")
show(r"a(?>.*)b", "aXbYb")
show(r"(?>a|ab)c", "abc")
show(r"(?:a|ab)c", "abc")
show(r"a{2,3}", "aaaa")
show(r"a{2,3}?", "aaaa")
show(r"a{2,3}+a", "aaaa")
show(r"(ab){2}", "abababab")
show(r"(ab){2,}?", "abababab")
show(r"(a|b)*+b", "abab")
show(r"(?:ab)*+ab", "abab")
show(r"(a+?)(b*?)c", "aabbc")
show(r"x{0}y", "xy")
show(r"(a)|b", "b")
# groups, named groups, backrefs
show(r"(a)(b)?(c)", "ac")
show(r"(?P<first>\w+) (?P=first)", "hello hello world")
show(r"(\w)\1", "abccd")
show(r"(?i)(\w)\1", "abCcd")
show(r"((a)|b)+", "ab")
show(r"(a*)+", "b")
show(r"(a*)*", "b")
show(r"(a|)+b", "aab")
show(r"(?:(a)|b)*", "ab")
show(r"(?:(a)|(b))*", "abab")
show(r"((?:a|b)*?)c", "ababc")
# conditionals
show(r"(<)?(\w+)(?(1)>|$)", "<abc>")
show(r"(<)?(\w+)(?(1)>|$)", "abc")
show(r"(<)?(\w+)(?(1)>|$)", "<abc")
show(r"(?P<q>')?\w+(?(q)')", "'x'")
# lookarounds
show(r"foo(?=bar)", "foobaz foobar")
show(r"foo(?!bar)", "foobar foobaz")
show(r"(?<=\$)\d+", "cost $42")
show(r"(?<!\$)\b\d+", "$42 17")
show(r"(?<=(a))b", "ab")
show(r"(?=(a+))a*b\1", "baaabac")
show(r"(?!(a)b)a", "abac")
show(r"\w+(?<=ing)\b", "running fast")
# alternation with common prefixes and charsets
show(r"cat|category|dog", "categorydog")
show(r"(?:x|y|z)+", "abxyzzyc")
show(r"[aeiou]{2,}", "beautiful")
show(r"Mon|Tue|Wed|Thu|Fri", "it is Thu")
# search with INFO prefixes and literal-only patterns
show(r"needle", "haystack with needle inside")
show(r"abcabd", "abcabcabd")
show(r"aab", "aaaab")
show(r"[xyz]abc", "..zabc")
show(r"\d{3}-\d{4}", "call 555-1234 now")
# fullmatch and match
show(r"a|ab", "ab", fn="fullmatch")
show(r"a*?", "aaa", fn="fullmatch")
show(r"a+", "aab", fn="fullmatch")
show(r"(a+)(b+)?", "aab", fn="match")
show(r".*?x", "abx", fn="match")
# nested repeats
show(r"((ab)*c)*d", "ababcabcd")
show(r"(a(b(c(d)?)?)?)+", "abcdabcab")
show(r"(?:a{1,2}){2,3}", "aaaaaaa")
show(r"(?:(?:a|b){2})+?c", "ababc")
show(r"(.)(?:(?!\1).)*\1", "abcdbe")
# pos and endpos
p = re.compile(r"\w+")
print(p.search("ab cd ef", 3), p.search("ab cd ef", 3, 4), p.match("ab cd", 1))
print(p.match("abc", -5, 100), p.search("abc", 5), p.findall("ab cd ef", 2, 7))
print(re.compile(r"^a").search("ba", 1), re.compile(r"^a", re.M).search("b\na", 1))
print(re.compile(r"$").search("ab", 0, 1))
# unicode widths
for s in ["caf\xe9 ok", "\u0101\u0101 x", "\U0001F600\U0001F600 y"]:
    print([m.span() for m in re.finditer(r"\w+|\S", s)])
print(re.findall(".", "a\U0001F600b\u1234"))
print(re.search("\U0001F600+", "xx\U0001F600\U0001F600y").span())
print(re.search("[\u0100-\u0200]+", "ab\u0150\u0180cd").group())
print(re.search("\u0150", "abc"), re.search("[\U00010000-\U0010ffff]", "abc\u0100"))
