# Random patterns over a small alphabet, matched against random strings: the
# spans, groups and findall/sub/split results must be CPython's.
import random
import re

rng = random.Random(1234)
ATOMS = ["a", "b", "c", ".", "[ab]", "[^a]", "\\w", "\\d", "(a)", "(b|c)", "(?:ab)",
         "(a|ab)", "(?P<n>b)", "(?P=n)", "\\1", "^", "$", "\\b", "(?=a)", "(?!b)",
         "(?<=a)", "(?<!c)", "(?>a|ab)", "(?(1)b|c)", "[a-c]", "x"]
QUANTS = ["", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{0,2}?",
          "*+", "++", "?+", "{1,2}+"]


def gen(depth=0):
    parts = []
    for _ in range(rng.randint(1, 4)):
        if depth < 2 and rng.random() < 0.2:
            a = "(" + gen(depth + 1) + ")"
        elif depth < 2 and rng.random() < 0.1:
            a = "(?:" + gen(depth + 1) + "|" + gen(depth + 1) + ")"
        else:
            a = rng.choice(ATOMS)
        q = rng.choice(QUANTS)
        if a in ("^", "$", "\\b") or a.startswith("(?=") or a.startswith("(?!") or a.startswith("(?<"):
            q = ""
        parts.append(a + q)
    return "".join(parts)


ok = bad = 0
for i in range(400):
    pat = gen()
    flags = rng.choice([0, 0, re.I, re.M, re.S])
    try:
        p = re.compile(pat, flags)
    except re.error as e:
        bad += 1
        print(i, "error", repr(pat), e)
        continue
    ok += 1
    for _ in range(3):
        s = "".join(rng.choice("abcx1 \n") for _ in range(rng.randint(0, 12)))
        m = p.search(s)
        r = [m and (m.span(), m.groups(), m.lastindex)]
        try:
            r.append(p.findall(s))
            r.append(p.sub("-", s))
            r.append(p.split(s))
            r.append(p.fullmatch(s) is not None)
            r.append([x.span() for x in p.finditer(s, 1)])
        except re.error as e:
            r.append(str(e))
        print(i, repr(pat), repr(s), r)
print(ok, bad)
