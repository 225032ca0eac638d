parts = []
for i in range(20):
    parts.append(str(i * i))
s = ",".join(parts)
print(s, len(s))
acc = ""
for ch in "abcdef":
    acc = ch + acc + ch
print(acc)
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len), {w: len(w) for w in words}, max(words, key=len))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
