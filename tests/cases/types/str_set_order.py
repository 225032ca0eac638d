words = ['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew', 'kiwi', 'lemon', 'mango', 'nectarine', 'olive', 'papaya', 'quince', 'é', '\U0001f600', 'x' * 20, '']
print(set(words))
print(frozenset(words[:7]))
d = {}
for w in words:
    d[w] = len(w)
print(d)
print({w[:1] for w in words})
print(set(b.encode() for b in words))
s = set(words)
s.discard('apple'); s.add('zebra')
print(s)
print(list({'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}))
