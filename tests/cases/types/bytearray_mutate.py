ba = bytearray(b'hello')
ba[0] = 72
ba[1:3] = b'EY'
ba += b'!'
ba.append(33)
ba.extend([10, 11])
ba.extend(b'xy')
ba.extend(bytearray(b'z'))
ba.insert(0, 95)
ba.insert(-1, 96)
ba.insert(100, 97)
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(33)
print(ba)
del ba[0]
del ba[-3:]
del ba[::2]
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
ba.clear()
print(ba, c, c is ba)
ba = bytearray(b'abcdef')
ba[::2] = b'XYZ'
print(ba)
ba[1:4] = []
print(ba)
ba[0:0] = range(65, 68)
print(ba)
ba *= 2
print(ba)
ba[2:5] = bytearray(b'q')
print(ba, ba.__alloc__() >= len(ba))
