b = b"hello world"
print(b, len(b), b[0], b[-1], b[0:5], b.upper(), b.split(), b.replace(b"o", b"0"))
print(b.find(b"o"), b.count(b"l"), b.startswith(b"he"), b.hex(), bytes.fromhex("6869"), b"ab" + b"cd", b"x" * 3)
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), list(b"abc"), b"a" in b"cat", 97 in b"cat")
ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba[0] = 65; print(ba, len(ba), ba.pop(), bytes(ba))
print(b"%d-%s" % (5, b"x"), b",".join([b"a", b"b"]), b"  x ".strip(), b"abc".decode())
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
print(repr(bytes(range(0, 256, 17))))
