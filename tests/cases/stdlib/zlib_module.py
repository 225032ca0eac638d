import zlib
data = b'hello hello hello world ' * 200 + bytes(range(256))
for wb in (15, -15, 31, 9, -9):
    c = zlib.compress(data, 6, wb)
    print(wb, zlib.decompress(c, wb) == data, len(c) < len(data))
print(zlib.decompress(zlib.compress(data, wbits=31), 47) == data, zlib.decompress(zlib.compress(data), 47) == data, zlib.decompress(zlib.compress(data), 0) == data)
cp = b'x\x9c\xcbH\xcd\xc9\xc9W(\xcf/\xcaI\x01\x00\x1a\x0b\x04]'
print(zlib.decompress(cp), zlib.crc32(b'abc'), zlib.adler32(b'abc'), zlib.adler32(b'abc', 7))
co = zlib.compressobj(9, zlib.DEFLATED, -15)
parts = [co.compress(data[i:i+100]) for i in range(0, len(data), 100)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH)); parts.append(co.compress(b'tail')); parts.append(co.flush())
comp = b''.join(parts)
do = zlib.decompressobj(-15)
out = b''
for i in range(0, len(comp), 7):
    out += do.decompress(comp[i:i+7])
out += do.flush()
print(out == data + b'tail', do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
z = zlib.compress(data) + b'EXTRA'
r = do.decompress(z, 100); print(len(r), len(do.unconsumed_tail) > 0, do.eof)
for i in range(100):
    if do.eof: break
    r += do.decompress(do.unconsumed_tail, 1000)
print(i)
print(r == data, do.eof, do.unused_data)
d2 = zlib.decompressobj(); d2.decompress(z[:30]); d3 = d2.copy(); print(d3.decompress(z[30:]) == d2.decompress(z[30:]))
for bad, wb in ((b'garbage!', 15), (zlib.compress(data)[:-3], 15), (zlib.compress(data)[:-1] + b'\x00', 15)):
    try: zlib.decompress(bad, wb)
    except zlib.error as e: print('error', e)
try: zlib.decompressobj(99)
except ValueError as e: print(e)
try: zlib.compress(b'', 12)
except zlib.error as e: print(e)
print(zlib.MAX_WBITS, zlib.DEF_BUF_SIZE, zlib.Z_FINISH, zlib.error.__module__)
# Streams in every container, flushed in pieces; copies of compressors.
for wb in (15, -15, 31):
    co = zlib.compressobj(wbits=wb)
    a = co.compress(data[:3000]); cc = co.copy(); b = co.compress(data[3000:]) + co.flush()
    b2 = cc.compress(data[3000:]) + cc.flush()
    print(wb, zlib.decompress(a + b, wb) == data, a + b == a + b2)
co = zlib.compressobj(); co.compress(b'x'); co.flush()
try: co.compress(b'y')
except zlib.error as e: print(e)
print(zlib.decompressobj().flush(), zlib.decompress(b'x\x9c\x03\x00\x00\x00\x00\x01'), zlib.crc32(b''), zlib.adler32(b''))
d = zlib.decompressobj(); print(d.decompress(zlib.compress(b'abc'), 2), d.unconsumed_tail != b'', d.flush(), d.eof)
