try:
    'aé€'.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e.encoding, repr(e.object), e.start, e.end, e.reason, e.args)
try:
    b'ab\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__, e.encoding, repr(e.object), e.start, e.end, e.reason, str(e))
try:
    b'\xe2\x82'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e.start, e.end, e.reason)
try:
    b'\x80abc'.decode('ascii')
except UnicodeDecodeError as e:
    print(e)
try:
    '\U0001f600'.encode('latin-1')
except UnicodeEncodeError as e:
    print(e)
try:
    'ab\u20ac\u20acc'.encode('latin-1')
except UnicodeEncodeError as e:
    print(e, e.start, e.end)
print(isinstance(UnicodeDecodeError('x', b'', 0, 1, 'r'), ValueError))
