import io
b = bytearray(10)
m = memoryview(b)
f = io.BytesIO(b'hello world')
print(f.readinto(m[2:6]), b)
r = io.BufferedReader(io.BytesIO(b'abcdefgh'))
buf = bytearray(4)
print(r.readinto(memoryview(buf)), buf)
try:
    io.BytesIO(b'x').readinto(memoryview(b'ro'))
except TypeError as e:
    print(e)
