def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(sorted(r, key=repr)) if isinstance(r, set) else repr(r))
d = {'a': 1, 'b': 2, 'c': 3}
e = {'b': 2, 'c': 30, 'x': 0}
k, i = d.keys(), d.items()
t(lambda: k & e.keys())
t(lambda: k | e.keys())
t(lambda: k - e.keys())
t(lambda: k ^ e.keys())
t(lambda: i & e.items())
t(lambda: i | e.items())
t(lambda: i - e.items())
t(lambda: i ^ e.items())
t(lambda: k & ['a', 'q'])
t(lambda: ['a', 'q'] & k)
t(lambda: ['a', 'q'] - k)
t(lambda: k - 'ab')
t(lambda: k & 1)
t(lambda: k | None)
t(lambda: d.values() & d.values())
t(lambda: type(k & k).__name__)
t(lambda: type(i | i).__name__)
t(lambda: i & [[1, 2]])
t(lambda: i - [('a', 1), ('zz', [])])
t(lambda: k | {[1]: 0}.keys() if False else 0)
t(lambda: k - {'a'})
t(lambda: {'a'} - k)
t(lambda: {'a', 'z'} ^ k)
