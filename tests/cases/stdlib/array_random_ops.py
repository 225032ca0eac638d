import random, array
rng = random.Random(99)
for tc in 'bBhHiIlLqQfd':
    a = array.array(tc, [1, 2, 3])
    l = list(a)
    for step in range(400):
        op = rng.randrange(9)
        v = rng.randrange(0, 100)
        i = rng.randrange(-10, 10)
        j = rng.randrange(-10, 10)
        st = rng.choice([1, 2, -1, -2, 3])
        try:
            if op == 0: a.append(v); l.append(v)
            elif op == 1: a.insert(i, v); l.insert(i, v)
            elif op == 2 and len(l): a.pop(i % len(l)); l.pop(i % len(l))
            elif op == 3: del a[i:j:st]; del l[i:j:st]
            elif op == 4:
                src = l[i:j:st]
                a[i:j:st] = array.array(tc, src); l[i:j:st] = src
            elif op == 5: a.extend([v, v]); l.extend([v, v])
            elif op == 6: a.reverse(); l.reverse()
            elif op == 7: a *= 1; a += array.array(tc, [v]); l += [v]
            elif op == 8 and len(l) > 50: del a[:25]; del l[:25]
        except Exception as e:
            print(tc, step, type(e).__name__, e)
        assert a.tolist() == l, (tc, step, op)
    print(tc, a[:10], len(a), a == array.array(tc, l), a.tobytes()[:16])
