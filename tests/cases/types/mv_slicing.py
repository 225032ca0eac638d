def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
ba = bytearray(b'0123456789')
m = memoryview(ba)
s = m[2:8]
t(lambda: (s.shape, s.strides, s.nbytes, s.contiguous))
s2 = s[::2]
t(lambda: (s2.shape, s2.strides, s2.nbytes, s2.contiguous, s2.c_contiguous))
t(lambda: s2.tobytes())
ba[2] = ord('X')
ba[4] = ord('Y')
t(lambda: s.tobytes())
t(lambda: s2.tobytes())
t(lambda: s2.tolist())
t(lambda: s2[1])
t(lambda: s2[-1])
s2[1] = ord('!')
print(ba)
r = m[::-1]
t(lambda: (r.strides, r.tobytes()))
t(lambda: r[::-1].tobytes())
t(lambda: m[5:2].tobytes())
t(lambda: m[100:].shape)
t(lambda: bytes(m[1:9:3]))
t(lambda: m[1:9:3] == b'1X7' if False else m[1:9:3].tobytes())
e = m[3:3]
t(lambda: (len(e), e.tobytes(), e.tolist()))
t(lambda: m[2:8].hex())
t(lambda: s2.obj is ba)
t(lambda: m.cast('H')[1:3].tolist())
t(lambda: m[1::2].cast('B'))
t(lambda: memoryview(b'abcdef')[::2] == b'ace')
t(lambda: memoryview(b'abcdef')[::2] == memoryview(b'ace'))
t(lambda: bytes(memoryview(b'abcdef')[::-2]))
t(lambda: bytearray(memoryview(b'abc')[1:]))
t(lambda: b''.join([memoryview(b'ab'), memoryview(b'cd')[1:]]))
t(lambda: b'ab' + memoryview(b'cd'))
t(lambda: bytearray(b'ab') + memoryview(b'cd'))
