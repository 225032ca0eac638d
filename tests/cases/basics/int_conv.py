print(int("42"), int("-42"), int("  7  "), int("0x1f", 16), int("1f", 16), int("0o17", 0), int("0b101", 0))
print(int("1_000_000"), int(3.99), int(-3.99), int(True), int("z", 36))
for bad in ["", "abc", "1.5", "0x", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("12", 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print((1024).to_bytes(2, "big"), (-1).to_bytes(2, "big", signed=True))
print(str(12345), repr(-7), format(255, "x"), format(255, "08b"))
