vals = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, float('inf'), float('-inf'), float('nan')]
for a in vals:
    row = []
    for b in vals:
        try:
            row.append(repr(a ** b))
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(a), ' '.join(row))
