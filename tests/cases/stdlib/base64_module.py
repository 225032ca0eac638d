import base64
print(base64.b85decode(base64.b85encode(b'xyz123')), base64.encodebytes(b'x'*60))
print(base64.standard_b64decode('aGk='), base64.urlsafe_b64decode(b'__4='), base64.b64encode(b'\x00\x01', altchars=b'-_'))
print(base64.b32hexencode(b'hello'), base64.b32hexdecode(b'D1IMOR3F'), base64.b16decode('AB'))
print(base64.a85decode(base64.a85encode(b'zzzz\x00\x00\x00\x00', foldspaces=True), foldspaces=True))
try: base64.b64decode(b'abc', validate=True)
except Exception as e: print(type(e).__name__, e)
print(base64.decodebytes(base64.encodebytes(bytes(range(100)))) == bytes(range(100)))
# Defaults made of the same singletons in another order (constants merged per module).
def g(s, altchars=None, validate=False): return altchars, validate
def f(a, s, casefold=False, map01=None): return casefold, map01
print(g.__defaults__, f.__defaults__, g(1), f(1, 2), (None, True) == (True, None))
