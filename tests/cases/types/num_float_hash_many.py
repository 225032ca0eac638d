for k in range(-60, 61, 7):
    for m in (1.0, 1.5, 0.1, 3.14159, 1 / 3):
        v = m * 2.0 ** k
        print(k, repr(v), hash(v), hash(-v), hash(complex(v, v)), hash(complex(0, v)))
