# str.split / splitlines result building and number formatting paths.
s = "a b  c\td\n e "
print(s.split(), s.split(None, 2), s.split(maxsplit=1), s.split(" "))
print("x".split(), "".split(), "   ".split(), "".split(","), ",".split(","))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a<>b<><>c".split("<>"))
print("a<>b<><>c".split("<>", 1), "abc".split("abcd"), "abcabc".split("abc"))
print("caf\xe9 na\xefve".split(), "\xe9,\xe8,".split(","), "\xa0a\xa0b\x85c".split())
print("a\u2003b".split(), "x\u20acy\u20acz".split("\u20ac"))
w = "word"
print(w.split()[0] is w, w.split(",")[0] is w, w.splitlines()[0] is w)
print("line1\nline2\r\nline3\rline4\x0bx\x1cy\x85z".splitlines())
print("a\n\nb\n".splitlines(), "a\n\nb\n".splitlines(True), "".splitlines())
print("\u2028a\u2029b".splitlines(keepends=True))


class S(str):
    pass


p = S("abc").split()
print(p, type(p[0]).__name__)

for spec in ("", "d", ">8", "<8", "^9", "=+8", "08d", "+d", " d", "x", "X", "#x",
             "#o", "b", "#b", ",", "_", "_x", "010,", "*^12,", "08_x", "n", "c"):
    for v in (0, 7, -42, 255, 123456789, -(2**70)):
        if spec == "c" and not 0 <= v < 0x110000:
            continue
        print(repr(spec), v, repr(format(v, spec)))
for bad in ("d.2", "z", "q", ",x", "=c", "#c", "+c"):
    try:
        print(format(12, bad))
    except ValueError as e:
        print(bad, "ValueError", e)
try:
    format(1, "9" * 30)
except ValueError as e:
    print("ValueError", e)
try:
    format(1.5, "." + "9" * 30)
except ValueError as e:
    print("ValueError", e)
print(format(3.14159, "\u2192>10.2f"), format(7, "\u2192^7"), format(-7, "\u00e9<6"))
i, name, x = 12345, "abc", 6172.5
print(f"{i} {name} {x:.2f} {i:>8} {i:x}")
print("{} {} {:.3f} {:08d}".format(i, name, x, i))
print("%d %s %.1f" % (i, name, x))
