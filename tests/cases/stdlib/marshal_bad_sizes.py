import marshal, io
for data in [b's\xff\xff\xff\x7f', b'l\xff\xff\xff\x7f', b'(\xff\xff\xff\x7f']:
    for src in ('loads', 'load'):
        try:
            (marshal.loads(data) if src == 'loads' else marshal.load(io.BytesIO(data)))
        except Exception as e:
            print(src, type(e).__name__, e)
f = io.BytesIO(marshal.dumps(b'x' * 3000000) + marshal.dumps([1]))
print(len(marshal.load(f)), marshal.load(f))
