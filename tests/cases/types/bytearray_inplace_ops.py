ba = bytearray(b'ab')
r = ba
ba += b'cd'
ba += bytearray(b'e')
ba *= 2
print(ba, r is ba, len(ba))
ba *= 0
print(ba, r is ba)
ba = bytearray(b'xy')
ba.extend(range(65, 70))
ba.extend(iter([1, 2]))
ba.extend(())
print(ba)
try:
    ba += 'str'
except TypeError as e:
    print(e)
try:
    ba += 5
except TypeError as e:
    print(e)
try:
    ba *= 'a'
except TypeError as e:
    print(e)
print(ba.pop(), ba.pop(-1), ba)
ba.clear()
print(ba, len(ba), bool(ba))
