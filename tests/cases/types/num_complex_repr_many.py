vals = [0j, -0j, 1j, -1j, 1+0j, -1-0j, complex(0.0, -0.0), complex(-0.0, 0.0), 1.5+2.5j, 1e16+1j, 1e-5j, 1e22j, complex(float('inf'), 1), complex(1, float('-inf')), 123456789.125-987654321.5j, 0.1+0.2j]
for v in vals:
    print(repr(v), str(v), format(v, ''), format(v, '.3'), format(v, 'g'), format(v, '>25.2e'), hash(v))
