#!/usr/bin/python3.11
"""Writes crates/taipan-parser/src/unicode_names.txt: the character names (and name aliases)
that CPython 3.11's `\\N{...}` escape accepts, Unicode 14.0, for crate::unicode_names.

Hangul syllables and CJK unified ideographs are left out (their names are computed). Names
come from python3.11's unicodedata; the 470 name aliases (NameAliases.txt), which unicodedata
cannot list, are decoded from the phrasebook in CPython 3.11.2's Modules/unicodename_db.h.

Format: one name per line, sorted, front-coded: one character chr(48 + k) saying how many
leading characters are shared with the previous name, then the rest of the name, ';', and the
code point in hex.

Run: /usr/bin/python3.11 scripts/gen_unicode_names.py [path/to/Python-3.11.2]
"""
import os
import re
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"
assert unicodedata.unidata_version == "14.0.0"
cpython = sys.argv[1] if len(sys.argv) > 1 else "/work/cpython-src/Python-3.11.2"


def is_unified_ideograph(c):
    return (0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF or 0x20000 <= c <= 0x2A6DF
            or 0x2A700 <= c <= 0x2B738 or 0x2B740 <= c <= 0x2B81D or 0x2B820 <= c <= 0x2CEA1
            or 0x2CEB0 <= c <= 0x2EBE0 or 0x30000 <= c <= 0x3134A)


names = {}
for c in range(0x110000):
    if 0xAC00 <= c <= 0xD7A3 or is_unified_ideograph(c):
        continue
    try:
        names[unicodedata.name(chr(c))] = c
    except ValueError:
        pass

# The aliases, from the phrasebook (as _getucname in Modules/unicodedata.c decodes it).
db = open(os.path.join(cpython, "Modules", "unicodename_db.h")).read()


def array(name):
    m = re.search(r"static const [a-z ]+ %s\[\] = \{(.*?)\};" % name, db, re.S)
    return [int(x, 0) for x in m.group(1).replace("\n", " ").split(",") if x.strip()]


def define(name):
    return int(re.search(r"#define %s (\d+)" % name, db).group(1))


lexicon = array("lexicon")
lexicon_offset = array("lexicon_offset")
phrasebook = array("phrasebook")
offset1 = array("phrasebook_offset1")
offset2 = array("phrasebook_offset2")
name_aliases = array("name_aliases")
shift = define("phrasebook_shift")
short = define("phrasebook_short")
aliases_start = int(re.search(r"aliases_start = (0x[0-9a-f]+);", db).group(1), 16)


def ucname(code):
    offset = offset1[code >> shift]
    offset = offset2[(offset << shift) + (code & ((1 << shift) - 1))]
    assert offset
    out = []
    while True:
        word = phrasebook[offset] - short
        if word >= 0:
            word = (word << 8) + phrasebook[offset + 1]
            offset += 2
        else:
            word = phrasebook[offset]
            offset += 1
        if out:
            out.append(" ")
        w = lexicon_offset[word]
        while lexicon[w] < 128:
            out.append(chr(lexicon[w]))
            w += 1
        out.append(chr(lexicon[w] & 127))
        if lexicon[w] == 128:
            break
    return "".join(out).rstrip("\0")


for i, cp in enumerate(name_aliases):
    alias = ucname(aliases_start + i)
    assert unicodedata.lookup(alias) == chr(cp), alias
    names.setdefault(alias, cp)

out = os.path.join(os.path.dirname(__file__), "..", "crates", "taipan-parser", "src", "unicode_names.txt")
prev = ""
with open(out, "w") as f:
    for name in sorted(names):
        k = 0
        while k < min(len(prev), len(name), 60) and prev[k] == name[k]:
            k += 1
        f.write("%s%s;%X\n" % (chr(48 + k), name[k:], names[name]))
        prev = name
print(len(names), "names and aliases")
