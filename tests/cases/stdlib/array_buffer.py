import array, io, struct, os, tempfile

def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

a = array.array('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.shape, m.strides, m.readonly, m.obj is a, len(m))
print(m.tolist(), m[1], m[-1], bytes(m[:1]))
m[1] = -5
print(a)
t(lambda: a.append(1))
t(lambda: a.extend([1]))
t(lambda: a.extend(array.array('i', [1])))
t(lambda: a.insert(0, 1))
t(lambda: a.pop())
t(lambda: a.remove(1))
t(lambda: a.frombytes(b'\x00\x00\x00\x00'))
t(lambda: a.fromlist([1]))
t(lambda: a.__delitem__(0))
t(lambda: a.__delitem__(slice(0, 1)))
t(lambda: a.__setitem__(slice(0, 1), array.array('i')))
t(lambda: a.__setitem__(slice(0, 1), array.array('i', [1, 2])))
a[0:1] = array.array('i', [42])
print(a)
a[0] = 7
a.reverse(); print(a, m.tolist())
a.byteswap(); a.byteswap()
def imul():
    global a
    a *= 2
t(imul)
def iadd():
    global a
    a += array.array('i', [1])
t(iadd)
t(lambda: a.frombytes(b''))
a.extend([])
m2 = m[::2]
m.release()
t(lambda: a.append(4))
t(lambda: a.frombytes(b'\x01\x00\x00\x00'))
print(a, m2.tolist())
del m2
a.append(5)
print(a)
with memoryview(a) as mm:
    t(lambda: a.pop())
print(a.pop())
print(bytes(array.array('h', [1, -1])), bytearray(array.array('b', [1, 2])))
print(b'x' + array.array('b', [65]), b'A' in array.array('b', [65]))
print(struct.unpack('<2h', array.array('h', [1, 2])), struct.unpack_from('<h', array.array('h', [7, 8]), 2))
buf = array.array('b', [0] * 8)
struct.pack_into('<hi', buf, 1, 258, -1)
print(buf)
t(lambda: struct.pack_into('<i', buf, 6, 1))
t(lambda: struct.pack_into('<i', b'abcd', 0, 1))
t(lambda: struct.pack_into('<i', [0] * 4, 0, 1))
bb = bytearray(4)
struct.pack_into('<i', bb, 0, 5); print(bb)
bio = io.BytesIO(b'\x01\x02\x03\x04\x05\x06\x07\x08\x09')
c = array.array('h', [0, 0])
print(bio.readinto(c), c)
w = io.BytesIO()
w.write(array.array('h', [1, 2]))
print(w.getvalue())
d = tempfile.mkdtemp()
p = os.path.join(d, 'x.bin')
with open(p, 'wb') as f:
    array.array('i', range(5)).tofile(f)
    f.write(array.array('b', [9]))
with open(p, 'rb') as f:
    x = array.array('i')
    x.fromfile(f, 3)
    print(x)
    t(lambda: x.fromfile(f, 5))
    print(x)
    t(lambda: x.fromfile(f, -1))
with open(p, 'rb') as f:
    y = array.array('b', [0] * 6)
    print(f.readinto(y), y)
os.remove(p); os.rmdir(d)
t(lambda: x.fromfile(io.StringIO('abc'), 1))
t(lambda: x.fromfile(5, 1))
t(lambda: x.tofile(5))
u = array.array('u', 'ab')
mu = memoryview(u)
print(mu.format, mu.itemsize, mu.nbytes)
t(lambda: mu.tolist())
t(lambda: mu[0])
mu.release()
print(memoryview(array.array('d', [0.5, 1.5])).cast('B').tolist()[:8])
print(memoryview(array.array('f', [0.25])).tolist(), memoryview(array.array('Q', [2**64-1])).tolist())
print(memoryview(array.array('i', [1, 2])) == array.array('i', [1, 2]), memoryview(array.array('i', [1, 2])) == memoryview(array.array('l', [1, 2])))
big = array.array('b', [1]) * 1000
print(len(big), big.__sizeof__(), array.array('b', b'x' * 100).__sizeof__())
s = array.array('i')
sizes = []
for i in range(40):
    s.append(i); sizes.append(s.__sizeof__())
print(sizes)
