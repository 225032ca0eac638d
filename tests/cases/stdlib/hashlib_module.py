import hashlib
for n in ('md5','sha1','sha224','sha256','sha384','sha512','blake2b','blake2s','sha3_224','sha3_256','sha3_384','sha3_512'):
    h = hashlib.new(n, b'abc'); h2 = h.copy(); h2.update(b'def'*100)
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest(), h2.hexdigest()[:16])
for n in ('shake_128','shake_256'):
    h = hashlib.new(n, b'abc'); print(n, h.hexdigest(20), h.digest(3), h.digest_size, h.block_size)
print(hashlib.md5(b'').hexdigest(), hashlib.sha256(b'x'*1000).hexdigest())
print(hashlib.blake2b(b'abc', digest_size=16, key=b'k', salt=b's', person=b'p').hexdigest())
print(hashlib.blake2s(b'abc', digest_size=10, key=b'key'*5, fanout=2, depth=3, leaf_size=5, node_offset=7, node_depth=1, inner_size=8, last_node=True).hexdigest())
print(hashlib.blake2b(b'x'*300).hexdigest()[:20], hashlib.blake2s(b'x'*64).hexdigest()[:20], hashlib.blake2s(b'x'*65).hexdigest()[:20])
print(hashlib.sha3_256(b'x'*136).hexdigest()[:20], hashlib.sha3_256(b'x'*135).hexdigest()[:20], hashlib.shake_128(b'y'*500).hexdigest(400)[-20:])
try: hashlib.md5('s')
except TypeError as e: print(e)
try: hashlib.blake2b(digest_size=65)
except ValueError as e: print(e)
import hmac
print(hashlib.sha256(b'x').hexdigest(), hashlib.sha1(string=b'y').hexdigest(), hashlib.md5(b'a', usedforsecurity=False).hexdigest())
h = hashlib.sha512(); [h.update(bytes([i]) * i) for i in range(200)]; print(h.hexdigest()[:32])
h = hashlib.blake2b(); [h.update(bytes([i]) * i) for i in range(200)]; print(h.hexdigest()[:32])
h = hashlib.sha3_512(); [h.update(bytes([i]) * i) for i in range(200)]; print(h.hexdigest()[:32])
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2s.MAX_DIGEST_SIZE, hashlib.sha3_224().block_size)
import _md5, _sha1, _sha256, _sha3, _blake2
print(type(_md5.md5()).__name__, _sha256.sha224(b'q').hexdigest()[:10], _blake2.BLAKE2S_PERSON_SIZE)
for ctor in (hashlib.blake2b, hashlib.blake2s):
    for args in [dict(digest_size=0), dict(fanout=256), dict(depth=0), dict(leaf_size=2**32), dict(node_offset=2**48),
                 dict(node_depth=-1), dict(inner_size=65), dict(key=b'k'*65), dict(salt=b's'*17), dict(person=b'p'*17),
                 dict(leaf_size=-1), dict(node_offset=2**64), dict(leaf_size=2**64)]:
        try: print(ctor(b'x', **args).hexdigest()[:16])
        except (ValueError, OverflowError) as e: print(type(e).__name__, e)
print(hashlib.blake2b(node_offset=2**48 + 5, leaf_size=7).hexdigest()[:16], hashlib.blake2s(node_offset=2**48 - 1).hexdigest()[:16])
