import binascii
print(binascii.hexlify(b'\x01\xff'), binascii.unhexlify('01ff'), binascii.b2a_hex(b'abc', '-'), binascii.hexlify(b'abcdef', b':', 2))
print(binascii.b2a_base64(b'hello world'), binascii.a2b_base64(b'aGVsbG8gd29ybGQ=\n'), binascii.b2a_base64(b'x', newline=False))
print(binascii.crc32(b'hello'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc_hqx(b'hello', 0))
u = binascii.b2a_uu(b'hello'); print(u, binascii.a2b_uu(u), binascii.a2b_uu(b''), binascii.b2a_uu(b'', backtick=True))
q = binascii.b2a_qp(b'h\xe9llo = world \nnext\t\n' + b'x'*100); print(q, binascii.a2b_qp(q))
print(binascii.b2a_qp(b'a b', header=True), binascii.a2b_qp(b'a_b=3D', header=True))
for bad in (b'abc', b'zz', 'é'):
    try: binascii.unhexlify(bad)
    except Exception as e: print(type(e).__name__, e)
for bad in (b'a', b'ab=c', b'abc'):
    try: print(binascii.a2b_base64(bad))
    except binascii.Error as e: print('Error', e)
try: binascii.a2b_base64(b'ab!c=', strict_mode=True)
except binascii.Error as e: print(e)
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__)
for f in (binascii.b2a_base64, binascii.hexlify, binascii.crc32):
    try: f('text')
    except TypeError as e: print(e)
try: binascii.a2b_base64(3)
except TypeError as e: print(e)
try: binascii.b2a_uu(b'x' * 46)
except binascii.Error as e: print(e)
print(binascii.a2b_base64('YWJj'), binascii.a2b_hex(bytearray(b'4142')), binascii.crc32(b'a' * 10000), binascii.crc32(b'x', 2**40 + 5))
