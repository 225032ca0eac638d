# zipfile (ZIP_DEFLATED) and tarfile (w:gz) round trips through zlib; uuid3/uuid5 through hashlib.
import zipfile, io, tarfile, uuid, secrets
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr('a.txt', 'hello ' * 100)
    z.writestr(zipfile.ZipInfo('dir/b.bin', date_time=(2020, 1, 2, 3, 4, 6)), bytes(range(256)) * 4)
    z.writestr('c.txt', 'stored', compress_type=zipfile.ZIP_STORED)
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    print(z.namelist(), [i.file_size for i in z.infolist()], [i.compress_type for i in z.infolist()])
    print(z.read('a.txt')[:12], z.read('dir/b.bin') == bytes(range(256)) * 4, z.read('c.txt'), z.testzip())
    with z.open('a.txt') as f: print(f.read(5), len(f.read()))
tb = io.BytesIO()
with tarfile.open(fileobj=tb, mode='w:gz') as t:
    data = b'tar data ' * 50
    ti = tarfile.TarInfo('x/y.txt'); ti.size = len(data); ti.mtime = 0
    t.addfile(ti, io.BytesIO(data))
with tarfile.open(fileobj=io.BytesIO(tb.getvalue()), mode='r:gz') as t:
    print(t.getnames(), t.extractfile('x/y.txt').read()[:9])
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, 'x'), len(secrets.token_hex(8)))
import hmac, hashlib
print(hmac.compare_digest(b'a', b'a'))
