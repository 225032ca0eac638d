vals = [2**200 - 1, -(3**120), 10**50 + 12345, 2**64, -1, 0]
for v in vals:
    print(format(v, 'b')[:40], format(v, '#o')[:40], format(v, '#X')[:40], format(v, '_x')[:40], format(v, ',')[:40], format(v, '+,d')[-20:])
    print(bin(v)[:30], oct(v)[:30], hex(v)[:30], v.bit_length(), v.bit_count())
