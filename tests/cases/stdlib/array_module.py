# The array module: typecodes, range errors, methods, repr.
from array import array
import array as arraymod
for tc in 'bBhHiIlLqQ':
  for v in (2**64, -2**64, 2**40, -2**40, 300, -1):
    try: array(tc,[v])
    except Exception as e: print(tc, v, type(e).__name__, e)
for tc, v in (('i', 1.0), ('d', 'x'), ('u', 1), ('b', '1')):
    try: array(tc,[v])
    except Exception as e: print(tc, type(e).__name__, e)
try: array('z')
except Exception as e: print(type(e).__name__, e)
a = array('i', [1,2,3]); print(a, repr(array('d')), array('u', 'ab'), a[1:], a*2, a+a, a == array('i',[1,2,3]), a < array('i',[1,3]))
try: a + array('d')
except Exception as e: print(type(e).__name__, e)
try: a.index(9)
except Exception as e: print(type(e).__name__, e)
try: a.remove(9)
except Exception as e: print(type(e).__name__, e)
try: array('i').pop()
except Exception as e: print(type(e).__name__, e)
try: a[10]
except Exception as e: print(type(e).__name__, e)
a.append(4); a.extend([5, 6]); a.insert(0, 0); print(a, a.pop(), a.pop(0), len(a), a.count(2), a.index(3))
print(a.tobytes(), array('h', b'\x01\x00\x02\x00'), a.itemsize, a.typecode, array('d', [1.5]).itemsize)
b = array('H', [1, 2]); b.byteswap(); print(b, b.tolist())
f = array('f', [0.1, 2.5]); print(f, f[0])
d = array('d', [1.0, 2.0]); d[1] = 3; print(d, 2.0 in d, list(reversed(d)))
a[1:3] = array('i', [9, 9, 9]); print(a); del a[0]; print(a)
print(arraymod.typecodes, arraymod.ArrayType is array, type(a).__name__, type(a).__module__)
x = array('b', [1]); x *= 3; x += array('b', [2]); print(x, 2 * x)
c = array('u', 'hi'); print(c.tounicode(), c)
