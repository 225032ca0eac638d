def f(x):
    y = x + 1
    if y > 2:
        return y
    return -y
co = f.__code__
lines = sorted({l for _, _, l in co.co_lines() if l is not None})
print(lines)
pos = [p for p in co.co_positions() if p[0] is not None]
print(min(p[0] for p in pos), max(p[1] for p in pos))
print(co.co_linetable[:0], type(co.co_linetable))
