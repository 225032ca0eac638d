vals = [0.0, -0.0, 1.5, -1.5, 7.0, float('inf'), float('-inf'), float('nan')]
for a in vals:
    row = []
    for b in vals:
        try:
            row.append('%r/%r/%r' % (a // b, a % b, divmod(a, b)))
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(a), ' '.join(row))
