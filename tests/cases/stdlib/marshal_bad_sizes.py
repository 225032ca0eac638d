# A length field far past the end of the data ends in EOFError (loads and load).
import marshal, io
for data in [b's\x00\x00\x00\x01', b'u\x00\x00\x00\x01', b'[\x00\x00\x10\x00']:
    for src in ('loads', 'load'):
        try:
            (marshal.loads(data) if src == 'loads' else marshal.load(io.BytesIO(data)))
        except Exception as e:
            print(src, type(e).__name__, e)
f = io.BytesIO(marshal.dumps(b'x' * 3000000) + marshal.dumps([1]))
print(len(marshal.load(f)), marshal.load(f))
