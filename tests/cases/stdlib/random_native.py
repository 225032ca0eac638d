# _random.Random (Mersenne Twister) and _sha512 as CPython's.
import _random, _sha512

r = _random.Random(42)
print(r.random(), r.random())
print(r.getrandbits(5), r.getrandbits(32), r.getrandbits(100), r.getrandbits(0))
r.seed(2**100 + 12345)
print(r.random())
r.seed(-7)
print(r.random())
st = r.getstate()
a = r.random()
r.setstate(st)
print(a == r.random(), len(st))
r.seed(0)
print(r.random())
for bad in ((1, 2), tuple(range(625)) + (1,)):
    try:
        r.setstate(bad)
    except ValueError as e:
        print(e)
try:
    r.setstate([0] * 625)
except TypeError as e:
    print(e)
try:
    r.getrandbits(-1)
except ValueError as e:
    print(e)
try:
    _random.Random(1, 2)
except TypeError as e:
    print(e)

class R(_random.Random):
    def __init__(self, x):
        self.seed(x)

print(R(5).random())
print(_sha512.sha512(b'abc').hexdigest())
print(_sha512.sha384(b'abc').hexdigest())
h = _sha512.sha512()
h.update(b'a' * 200)
h2 = h.copy()
h2.update(b'x')
print(h.hexdigest(), h2.digest()[:8], h.name, h.digest_size, h.block_size)
print(_sha512.sha512(b'x' * 111).hexdigest()[:16], _sha512.sha512(b'x' * 112).hexdigest()[:16])
try:
    _sha512.sha512('str')
except TypeError as e:
    print(e)
