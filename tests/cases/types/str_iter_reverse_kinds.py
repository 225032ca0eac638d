for s in ('abc', 'é\xff', '\u1234\u5678', '\U0001f600\U0001f601', ''):
    it = iter(s)
    print(type(it).__name__, list(it), list(reversed(s)), s[::-1], [c for c in s][::-1] == list(s[::-1]), type(reversed(s)).__name__)
it = iter('abcdef')
print(next(it), next(it), it.__length_hint__(), list(it), it.__length_hint__())
