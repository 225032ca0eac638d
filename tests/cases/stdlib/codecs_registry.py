import codecs, errno
print(errno.ENOENT, errno.errorcode[2], errno.EWOULDBLOCK, errno.errorcode[errno.EAGAIN], len(errno.errorcode))
print(codecs.lookup('UTF-8').name, codecs.lookup('latin_1').name, codecs.lookup('cp1252').name)
print('héllo €'.encode('cp1252'), b'h\xe9llo \x80'.decode('cp1252'))
print('abc'.encode('utf-16'), codecs.encode('abc', 'rot13'))
print(codecs.encode(b'abc', 'base64') if False else 'skip')
try:
    'abc'.encode('rot13')
except LookupError as e:
    print('LookupError', e)
try:
    'x'.encode('nonexistent-codec')
except LookupError as e:
    print('LookupError', e)
print(codecs.utf_8_decode(b'ab\xe2\x82', None, False), codecs.utf_8_decode(b'ab\xe2\x82\xac', None, True))
d = codecs.getincrementaldecoder('utf-8')()
print([d.decode(bytes([b])) for b in '€x'.encode()])
print(codecs.unicode_escape_decode(b'a\\n\\x41\\u20ac\\U0001F600'), codecs.unicode_escape_encode('a\n\u20ac\x01\\'))
print(codecs.escape_decode(b'\\x41\\n\\101'), codecs.escape_encode(b"a'\n\x00"))
print(codecs.raw_unicode_escape_decode(b'\\u20ac\\n'), codecs.raw_unicode_escape_encode('\u20ac\xe9'))
print(codecs.charmap_decode(b'\x80abc', 'strict', None))
print('\u20ac'.encode('ascii', 'xmlcharrefreplace'), 'a\udcff'.encode('utf-8', 'surrogateescape'))
print(codecs.lookup_error('strict'), codecs.lookup_error('ignore'))
codecs.register_error('myh', lambda e: ('?!', e.end))
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print(e)
print(codecs.latin_1_encode('abc'), codecs.ascii_decode(b'abc'))
print(codecs.utf_16_ex_decode(b'\xff\xfea\x00b\x00', 'strict', 0, True))
import io
t = io.TextIOWrapper(io.BytesIO('caf\xe9'.encode('cp1252')), encoding='cp1252')
print(t.read())
print(b'\x80'.decode('cp1252', 'replace') if False else b'\x81'.decode('cp1252', 'replace'))
try:
    b'\x81'.decode('cp1252')
except UnicodeDecodeError as e:
    print(e)
print(codecs.lookup('utf8') is codecs.lookup('UTF_8'))


print(codecs.BOM_UTF8, codecs.open.__name__)
