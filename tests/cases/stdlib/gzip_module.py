import gzip, io, zlib
data = b'hello hello hello world ' * 200 + bytes(range(256))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0) as f:
    f.write(data[:1000]); f.write(data[1000:])
print(gzip.decompress(buf.getvalue()) == data, gzip.decompress(gzip.compress(data)) == data)
with gzip.GzipFile(fileobj=io.BytesIO(buf.getvalue())) as f:
    print(f.read(10), f.read() == data[10:])
two = gzip.compress(b'first ') + gzip.compress(b'second')
print(gzip.decompress(two))
with gzip.GzipFile(fileobj=io.BytesIO(two)) as f:
    print(f.readline(), f.read())
print(zlib.decompress(gzip.compress(b'via zlib', mtime=0), 31))
try: gzip.decompress(b'not gzip data')
except gzip.BadGzipFile as e: print('BadGzipFile', e)
