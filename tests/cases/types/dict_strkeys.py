words = "the quick brown fox jumps over lazy dog alpha beta gamma delta".split()
d = {}
for w in words:
    d[w] = len(w)
print(d)
s = set(words)
print(s)
print(frozenset(words))
print(set('abcdefghij'))
print({w: None for w in words[::-1]}.keys())
print(sorted(s) == sorted(words))
print(list(set(words) - {'the', 'fox'}))
print(set(w.encode() for w in words))
print({(w, 1) for w in words[:5]})
