x = 987654321
for i in range(200):
    x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
    n = x
    for k in range(i % 12):
        n = n * (x | 1) + k
    if i % 3 == 0:
        n = -n
    s = str(n)
    assert int(s) == n
    print(len(s), s[:30], hex(n)[:20], n % 1000003, n.bit_length())
