# Character sets the compiler turns into BIGCHARSET (needs memoryview.cast).
import re

print(re.findall(r"[\u0400-\u04ff]+", "\u0416\u0436 abc", re.I))
print(re.findall("[\u0101\u0103\u0105\u0107\u0109\u010b\u0200-\u0210\u4e00]+", "x\u0101\u0105\u0205\u4e00\u0102y"))
print(re.findall(r"[^\u0100\u0300a-z]+", "AB\u0100cd\u0300\u0400\u0401"))
print(re.findall(r"[\u0390-\u03ff\u1f00-\u1fff]+", "\u0391\u03b1\u1f00 x \u1fb3", re.I))
print(re.sub(r"[\u3040-\u309f\u30a0-\u30ff]", "*", "\u3042a\u30a2b"))
