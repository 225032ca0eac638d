# Slices with steps near sys.maxsize: the index past the last item must not overflow.
import sys
M = sys.maxsize
for seq in [tuple(range(5)), list(range(5)), "abcde", b"abcde", bytearray(b"abcde"), range(5), memoryview(b"abcde")]:
    out = []
    for s in [slice(3, None, M), slice(None, None, M), slice(-1, None, -M), slice(None, None, -M), slice(M, -M, -M), slice(-M, M, M), slice(1, None, M - 1)]:
        try:
            r = seq[s]
            out.append(list(r) if isinstance(r, (memoryview, range)) else r)
        except Exception as e:
            out.append(type(e).__name__)
    print(type(seq).__name__, out)
l = list(range(5))
l[3::M] = ['x']
l[::-M] = ['y']
print(l)
del l[1::M]
print(l)
b = bytearray(b"abcde")
b[2::M] = b"Z"
del b[::M]
print(b)
import array
a = array.array('i', range(5))
print(a[3::M], a[::-M])
