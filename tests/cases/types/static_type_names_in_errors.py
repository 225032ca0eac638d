import array, collections, functools
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
a = array.array('i'); d = collections.deque(); od = collections.OrderedDict()
for o in (a, d, od, iter(a), od.keys(), functools.partial(print)):
    t(lambda: o.nope)
    t(lambda: len(iter(a)))
    t(lambda: o())
    t(lambda: o[0])
    t(lambda: -o)
    t(lambda: o + 1)
    t(lambda: iter(functools.partial(print)))
    t(lambda: int(o))
    t(lambda: f'{o:x}')
    t(lambda: o.__class__.nope)
    t(lambda: setattr(o, 'x', 1) if not isinstance(o, (collections.OrderedDict, functools.partial)) else 0)
    t(lambda: o < o)
    t(lambda: len({o: 1}))
    t(lambda: abs(o))
    t(lambda: [] + o)
    t(lambda: round(o))

for f in (lambda: int(memoryview(b'x')), lambda: int(memoryview(b'12').cast('b')), lambda: int(array.array('b', b'x')), lambda: int(array.array('i', [0x3233]))):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
