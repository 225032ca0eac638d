for k in (15, 16, 29, 30, 31, 32, 59, 60, 61, 62, 63, 64, 65, 90, 120, 128):
    v = 2**k
    for w in (v - 1, v, v + 1, -v + 1, -v, -v - 1):
        print(k, w, w * w % 10**9, w // 7, w % 7, w >> 3, w << 3, -w, abs(w), w & 0xFFFF, w | 1, w ^ -1, hash(w), float(w))
