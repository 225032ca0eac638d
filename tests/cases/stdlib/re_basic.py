import re
print(re.match(r"(\w+) (\w+)", "hello world").groups(), re.search(r"\d+", "ab123cd").group())
print(re.findall(r"[aeiou]", "programming"), re.sub(r"\s+", "-", "a  b   c"), re.split(r"[,;]", "a,b;c"))
m = re.fullmatch(r"(?P<y>\d{4})-(?P<m>\d\d)", "2024-05")
print(m.group("y"), m.groupdict(), m.span(), m.start(2))
print(re.match("x", "abc"), bool(re.search("c$", "abc")), re.escape("a.b*c"))
pat = re.compile(r"(a)(b)?", re.I)
print(pat.findall("AB a ab"), [m.group(0) for m in pat.finditer("xAbaB")])
print(re.sub(r"(\d)", lambda m: str(int(m.group(1)) * 2), "a1b2c3"), re.subn("a", "b", "aaa"))
