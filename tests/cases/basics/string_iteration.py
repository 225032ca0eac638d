s = "héllo wörld"
print([c for c in s if c not in "aeiou "], s.count("l"), s.encode("utf-8"), len(s.encode()))
print(list(reversed(s)), "".join(sorted(set(s))), s.index("w"), s[3:8])
for i, ch in enumerate("abc"):
    print(i, ch, ord(ch), ch * i)
print(str(123)[::-1], "".join(chr(ord(c) + 1) for c in "HAL"), "abc" < "abd" < "b")
print("a,b,c".split(",", maxsplit=1), "  x  y  ".split(None, 1), "aXbXc".split("X", -1))
print("Hello"[10:], "Hello"[-10:2], "Hello"[1:1], "Hello"[::-1][::-1])
