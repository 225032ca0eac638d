vals = [0.0, -0.0, 1.5, -1.5, 1234567.891, 1e-10, 1e20, 0.1, float('inf'), float('nan'), 5e-324, 1.7976931348623157e308]
for spec in ('e', '.0e', '.3e', '#.0e', 'E', '15.2E', '+e', '-e', ' e', '012.3e', '.20e'):
    print(spec, [format(v, spec) for v in vals])
