def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
ba = bytearray(b'hello world')
m = memoryview(ba)
t(lambda: m.readonly)
m[0] = ord('H')
print(ba)
m[6:11] = b'WORLD'
print(ba)
t(lambda: m.__setitem__(0, 256))
t(lambda: m.__setitem__(0, -1))
t(lambda: m.__setitem__(0, b'x'))
t(lambda: m.__setitem__(slice(0, 2), b'abc'))
t(lambda: m.__setitem__(slice(0, 2), 5))
t(lambda: m.__delitem__(0))
s = m[::2]
s[0] = ord('J')
print(ba, s.tobytes())
t(lambda: ba.append(1))
t(lambda: ba.extend(b'xy'))
t(lambda: ba.pop())
t(lambda: ba.clear())
t(lambda: ba.__iadd__(b'z'))
ba[0] = 74
print(ba)
ba[0:2] = b'QQ'
print(ba)
t(lambda: ba.__setitem__(slice(0, 2), b'q'))
t(lambda: ba.__delitem__(0))
m.release()
s.release()
ba.append(33)
print(ba)
t(lambda: ba.__delitem__(0))
print(ba)
with memoryview(ba) as mm:
    t(lambda: ba.append(1))
t(lambda: ba.append(1))
print(ba)
m2 = memoryview(ba)
m3 = m2[1:3]
m2.release()
t(lambda: ba.append(1))
del m3
t(lambda: ba.append(1))
print(ba)
