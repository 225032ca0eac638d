# Case mappings and predicates of every code point below U+18000, summarised
# per block of 4096 as a checksum (so a difference names its block).
M = (1 << 61) - 1


def chk(values):
    h = 0
    for v in values:
        h = (h * 1000003 + v) % M
    return h


for base in range(0, 0x18000, 0x1000):
    lo, up, ti, fo, flags = [], [], [], [], []
    for cp in range(base, base + 0x1000):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        lo.extend(map(ord, c.lower()))
        up.extend(map(ord, c.upper()))
        ti.extend(map(ord, c.title()))
        fo.extend(map(ord, c.casefold()))
        flags.append(c.islower() | c.isupper() << 1 | c.istitle() << 2 | c.isalpha() << 3
                     | c.isdecimal() << 4 | c.isdigit() << 5 | c.isnumeric() << 6
                     | c.isspace() << 7 | c.isprintable() << 8 | c.isalnum() << 9
                     | c.isidentifier() << 10 | (c + 'a').isidentifier() << 11
                     | (c * 2).swapcase().isupper() << 12)
    print('%05X' % base, chk(lo), chk(up), chk(ti), chk(fo), chk(flags))
