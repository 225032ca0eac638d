vals = ['a', 'b', 'é', '\xff', '\u0100', '\u1234', '\uffff', '\U00010000', '\U0010ffff', 'aa', 'a\x00', '', 'A', 'ab\U0001f600']
for a in vals:
    print(ascii(a), ''.join('<' if a < b else '=' if a == b else '>' for b in vals), a in 'xaé\u1234\U00010000')
print([ascii(x) for x in sorted(vals)])
print(max(vals) == '\U0010ffff', min(vals) == '')
