for v in [0, 1, -1, 255, -255, 2 ** 31, 10 ** 30]:
    print(v, repr(v), hex(v), oct(v), bin(v), f"{v:,}", f"{v:_x}")
print(0xff, 0o17, 0b11, 1_000, 0x_ff)
print(int("ff", 16), int("777", 8), int("-101", 2), int("Zz", 36))
print(str(10 ** 50))
print(int("9" * 100) + 1 == 10 ** 100)
