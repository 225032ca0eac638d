# Hand-made bytecode must make Taipan raise, never crash: random byte
# mutations of a few code objects' co_code (and of co_stacksize and
# co_exceptiontable), run as module code, functions and generators, and
# mutations of marshal data. Backward jumps are never made or changed (and
# exception handlers, which could jump back, are left alone), so every run
# ends.
import random, marshal

def sample(a, b=2, *args, k=3, **kw):
    total = a
    try:
        total += a * b + k
        total //= b - 2
    except ZeroDivisionError as e:
        total -= 1
    finally:
        total += len(args)
    x, y = (total, a)
    s = f"{x!r:>4}{y}"
    with open(__file__) as fh:
        pass
    return [x, y, {**kw}, s, (*args, 1), {1, 2}, a if b else k]

def gen(n):
    yield n
    yield from [1, 2]
    return n

BACKWARD = {4, 134, 140, 173, 174, 175, 176}  # 4: JUMP_BACKWARD_QUICK

def protected_units(raw):
    protected = set()
    for i in range(0, len(raw), 2):
        if raw[i] in BACKWARD:
            protected.update((i, i + 1, i - 2, i - 1))
    return protected

def ends(old, new):
    """Whether `new` (a mutation of `old`) makes or changes no backward jump."""
    protected = protected_units(old)
    for i in range(len(new)):
        if old[i] != new[i]:
            if i in protected or (i % 2 == 0 and (new[i] in BACKWARD or new[i] == 144)):
                return False
    return len(old) == len(new)

def mutate(code, rng, count):
    raw = bytearray(code)
    protected = protected_units(raw)
    for _ in range(count):
        i = rng.randrange(len(raw))
        if i in protected:
            continue
        v = rng.randrange(256)
        if i % 2 == 0 and (v in BACKWARD or v == 144):
            continue
        raw[i] = v
    return bytes(raw)

src = compile("a = [i * 2 for i in (1, 2)]\nb = {'x': a}\nprint(a, b)\n", "m", "exec")
import sys
rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1234)
outcomes = {}
codes = [sample.__code__, gen.__code__, src]
for n in range(1500):
    c = codes[n % 3]
    kw = {"co_code": mutate(c.co_code, rng, 1 + n % 4)}
    kind = n % 5
    if kind == 1:
        kw["co_stacksize"] = rng.randrange(3)
    elif kind == 2:
        kw["co_stacksize"] = c.co_stacksize + rng.randrange(3)
    try:
        new = c.replace(**kw)
    except Exception as e:
        r = "replace " + type(e).__name__
        outcomes[r] = outcomes.get(r, 0) + 1
        continue
    try:
        if c is src:
            exec(new, {"print": lambda *a: None})
        elif c is gen.__code__:
            def g2(n): pass
            g2.__code__ = new
            for _ in zip(range(10), g2(3)):
                pass
        else:
            def f2(a, b=2, *args, k=3, **kw): pass
            f2.__code__ = new
            f2(3, 1, 5, 6, k=1, z=2)
        r = "ran"
    except BaseException as e:
        r = type(e).__name__
    outcomes[r] = outcomes.get(r, 0) + 1
data = marshal.dumps(sample.__code__)
for n in range(300):
    d = bytearray(data)
    d[rng.randrange(len(d))] = rng.randrange(256)
    try:
        c = marshal.loads(bytes(d))
        if not (ends(sample.__code__.co_code, c.co_code)
                and c.co_exceptiontable == sample.__code__.co_exceptiontable):
            raise LookupError("skipped")
        def f3(a, b=2, *args, k=3, **kw): pass
        f3.__code__ = c
        f3(2)
        r = "marshal ran"
    except BaseException as e:
        r = "marshal " + type(e).__name__
    outcomes[r] = outcomes.get(r, 0) + 1
for k, v in sorted(outcomes.items()):
    print(k, v)
print("done")
