for s in ["abc", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "\x00\x7f\x80", "é ü ñ", "日本語", "\u200b", "\U0001f600", "back\\slash", "\ud800" if False else "", "\r\x1b"]:
    print(repr(s), len(s))
print(ascii("héllo 日本"), ascii("\U0001f600"))
print(str(b"bytes"), repr(b"\x00\xffab'"), repr(bytearray(b"xy")))
print(ord("a"), chr(97), ord("€"), chr(8364), chr(0x1F600) == "\U0001f600")
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
