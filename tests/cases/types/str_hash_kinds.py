words = ['', 'a', 'ab', 'abc', 'abcdefgh', 'é', 'ñandú', '\u1234\u5678', '\U0001f600x', 'x' * 7, 'y' * 8, 'z' * 9, 'hello world' * 3, '\x00', '\xff\x80']
for w in words:
    print(ascii(w), hash(w), hash(w.encode('utf-8')), hash(w) == hash(w[:] + ''))
print(hash(b'\x00' * 16), hash(bytes(range(200))))
print(sorted({w: 1 for w in words}))
print(list({w: 1 for w in words}))
print(list(set(words)))
