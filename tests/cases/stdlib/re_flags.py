# re flags: IGNORECASE (ASCII, Unicode, locale bytes), MULTILINE, DOTALL,
# VERBOSE, ASCII, UNICODE; Unicode character classes.
import re

def fa(pat, s, flags=0):
    try:
        print(repr(pat), re.findall(pat, s, flags))
    except (re.error, ValueError, TypeError) as e:
        print(repr(pat), type(e).__name__, e)

fa(r"abc", "ABC aBc abc", re.I)
fa(r"[a-c]+", "ABCDabcd", re.I)
fa(r"[^a-c]+", "ABCDabcd", re.I)
fa(r"k", "K k \u212a", re.I)
fa(r"s", "S s \u017f", re.I)
fa(r"\u212a", "K k", re.I)
fa(r"(?a)k", "K k \u212a", re.I)
fa(r"[k]", "\u212a", re.I)
fa(r"\xb5", "\u03bc \u039c \xb5", re.I)
fa(r"\u0436+", "\u0416\u0436\u0416", re.I)
fa(r"\u03c3", "\u03a3\u03c3\u03c2", re.I)
fa(r"[\u03c3]", "\u03a3\u03c3\u03c2", re.I)
fa(r"(\w)\1", "aA bB cc \u0416\u0436", re.I)
fa(r"[\u00e0-\u00ff]+", "\u00c0\u00e0\u00de", re.I)
fa(r"\U00010400", "\U00010428\U00010400", re.I)
fa(r"i", "I i \u0130 \u0131", re.I)
fa(r"[Z-a]", "Z[\\]^_`a", re.I)
fa(r"^\w+$", "one\ntwo\nthree", re.M)
fa(r"^\w+$", "one\ntwo\nthree")
fa(r"\w+$", "one\ntwo\n")
fa(r"a.b", "a\nb axb", re.S)
fa(r"a.b", "a\nb axb")
fa(r"""
    (\d+)   # number
    \s*     # space
    ([a-z]+) # unit
""", "10 kg, 5m", re.X)
fa(r"a b # c", "ab a b", re.X)
fa(r"[ #]", "a b#c", re.X)
fa(r"\w+", "na\xefve caf\xe9 \u0416\u0436 \u0661\u0662", re.A)
fa(r"\w+", "na\xefve caf\xe9 \u0416\u0436 \u0661\u0662")
fa(r"\d+", "12 \u0661\u0662 \uff13 \xb2")
fa(r"\d+", "12 \u0661\u0662 \uff13", re.A)
fa(r"\s+", "a\u3000b\x1cc\x85d\xa0e")
fa(r"\s+", "a\u3000b\x1cc\x85d\xa0e\tf", re.A)
fa(r"\W+", "a\u2028b!c")
fa(r"\bx", "\u00e9x x")
fa(r"\bx", "\u00e9x x", re.A)
fa(r"(?m)$", "a\nb\r\nc\u2028")
fa(r".", "\r\u2028\n")
fa(r"(?i:a)b", "Ab AB ab")
fa(r"(?-i:a)b", "Ab AB aB", re.I)
fa(r"(?s:.)x", "\nx")
fa(r"(?x) a  b (?-x: c)", "ab c abc")
# bytes patterns
fa(rb"\w+", b"caf\xe9 abc_1")
fa(rb"[a-z]+", b"ABC def", re.I)
fa(rb"\xe9", b"\xc9\xe9", re.I)
fa(rb"\xe9", b"\xc9\xe9", re.I | re.L)
fa(rb"\w+", b"ab\xe9 cd", re.L)
fa(rb"(?L)\bx", b"\xe9x x")
fa(rb"\d\s", b"1 2\t3\x0b")
fa(rb".", b"a\nb", re.S)
# flag errors and reprs
fa(r"a", b"a")
fa(rb"a", "a")
fa(r"a", "a", re.L)
fa(rb"a", b"a", re.U)
fa(r"a", "a", re.A | re.U)
for p in [re.compile("a"), re.compile("a", re.I | re.M), re.compile(b"a", re.L),
          re.compile("a", re.A | re.S | re.X), re.compile("(?u)a"), re.compile(b"a"),
          re.compile("x" * 300), re.compile("a", re.DEBUG & 0 | re.T if hasattr(re, "T") else 0)]:
    print(repr(p), p.flags)
print(re.compile("(?i)a").flags, re.compile(b"(?i)a").flags, re.compile("a", re.X).flags)
print(re.I | re.M, repr(re.I | re.S), re.NOFLAG, re.RegexFlag(0), re.A)
