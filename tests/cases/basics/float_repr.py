vals = [0.0, -0.0, 1.0, 0.1, 1/3, 2/3, 1e16, 1e15, 123456789.0, 1.5e-5, 1e-4, 0.0001234,
        1e22, 1.7976931348623157e308, 2.2250738585072014e-308, 100.0, 1e100, 12345678901234567.0]
for v in vals:
    print(repr(v), str(v))
print(float("nan"), float("inf"), -float("inf"))
print(3.14159.hex(), float.fromhex("0x1.8p1"))
print(format(3.14159, ".2f"), format(3.14159, "e"), format(1234567.0, ","), format(0.5, "%"))
print(format(1e20, "g"), format(1e-20, "g"), format(123.0, "g"), format(12345678.0, ".3g"))
print(f"{2.5:10.3f}|{2.5:<10}|{-2.5:+}|{2.5: }|")
