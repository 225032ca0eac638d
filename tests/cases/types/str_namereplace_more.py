import codecs
s = '\x00\x85\u4e00\uac00\ud7a3\U00020000\ue000\u00a0\ufffd\u1100'
print(s.encode('ascii', 'namereplace'))
print('é\u20ac'.encode('utf-16-le', 'namereplace'))
print('é\u20ac'.encode('cp1252', 'namereplace'))
print('é\u0100'.encode('latin-1', 'namereplace'))
h = codecs.lookup_error('namereplace')
print(h is codecs.namereplace_errors)
print(h(UnicodeEncodeError('ascii', 'a\u00e9\u00e8b', 1, 3, 'x')))
for bad in (UnicodeDecodeError('ascii', b'\xff', 0, 1, 'x'), ValueError('x'), 1):
    try:
        h(bad)
    except TypeError as e:
        print('TypeError', e)
print(codecs.encode('\u03b1\u03b2', 'ascii', 'namereplace'))
