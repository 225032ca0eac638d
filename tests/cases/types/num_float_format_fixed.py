vals = [0.0, -0.0, 1.5, -1.5, 2.5, 1234567.891, 1e-10, 1e20, 0.1, float('inf'), float('-inf'), float('nan'), 5e-324]
for spec in ('f', '.0f', '.2f', '10.3f', '<10.1f', '^+12.2f', '=010.2f', ',.2f', '_.3f', 'F', '.1F', '#.0f', ' .3f', 'z.1f'):
    print(spec, [format(v, spec) for v in vals])
