s = set('the quick brown fox'.split())
out = []
while s:
    out.append(s.pop())
print(out)
s = set(range(20))
print([s.pop() for _ in range(5)])
s.add(100)
s.add(3)
print([s.pop() for _ in range(5)])
t = {('a', 1), ('b', 2), ('c', 3)}
print(sorted(t), t.pop() in {('a', 1), ('b', 2), ('c', 3)})
u = set(['ab', 'cd', 'ef', 'gh', 'ij'])
print(u)
u.discard('cd')
u.add('zz')
print(u)
print(frozenset(u))
