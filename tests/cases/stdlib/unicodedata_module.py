# unicodedata (Unicode 14.0.0): properties, names, numeric values, normalization.
import unicodedata as u
print(u.unidata_version)
chars = 'aZ5 \t\u00e9\u0301\u05d0\u0663\u00bd\u00b2\u2167\u4e00\uac01\u3042\uff21(\u2028\U0001f600\U00010000\ufeff\u0000\u00ad'
for c in chars:
    print(hex(ord(c)), u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c),
          u.mirrored(c), u.name(c, None), u.decimal(c, None), u.digit(c, None), u.numeric(c, None))
print(u.lookup('LATIN SMALL LETTER A'), u.lookup('latin capital letter b'), u.lookup('HANGUL SYLLABLE GAG'),
      u.lookup('CJK UNIFIED IDEOGRAPH-4E01'), u.lookup('NULL') == '\x00', u.lookup('BYTE ORDER MARK') == '\ufeff')
print(u.name('\ufeff'), u.name('\x80', 'none'), u.name('\U0001F9EE'), u.name('\u01a2'))
for f, a in [(u.name, '\x00'), (u.lookup, 'NO SUCH THING'), (u.decimal, 'x'), (u.digit, 'x'), (u.numeric, 'x'),
             (u.category, 'ab'), (u.category, 5)]:
    try: f(a)
    except (ValueError, KeyError, TypeError) as e: print(type(e).__name__, e)
s = 'Ame\u0301lie \ufb01 \u2460 \u1e9b\u0323 \uac00'
for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
    n = u.normalize(form, s)
    print(form, [hex(ord(c)) for c in n], u.is_normalized(form, s), u.is_normalized(form, n))
try: u.normalize('XYZ', 'a')
except ValueError as e: print(e)
print(sum(1 for i in range(0x3000) if u.category(chr(i)) == 'Lu'), sum(u.combining(chr(i)) for i in range(0x2000)))
print(sum(1 for i in range(0x30000) if u.numeric(chr(i), None) is not None))
print(sorted({u.east_asian_width(chr(i)) for i in range(0x20000)}), sorted({u.bidirectional(chr(i)) for i in range(0x20000)}))
print([u.decomposition(c) for c in '\u00e9\ufb01\u2460\uac00a\u1e9b\u00bd\uff21'])
print(sum(1 for i in range(0x30000) if u.decomposition(chr(i))))
# ucd_3_2_0, as IDNA (encodings.idna, stringprep) uses it.
o = u.ucd_3_2_0
print(o.unidata_version, type(o).__name__, o.category('\U0001F600'), u.category('\U0001F600'), o.name('a'), o.name('\U0001F600', '-'))
print(o.bidirectional('\u05d0'), o.numeric('\u00bd'), o.decomposition('\u00e9'), o.normalize('NFKC', '\ufb01'))
print(sum(1 for i in range(0x20000) if o.category(chr(i)) != 'Cn'), sum(1 for i in range(0x30000) if o.numeric(chr(i), None) is not None))
for name in ('LATIN SMALL LETTER A', 'BYTE ORDER MARK', 'GRINNING FACE'):
    try: print(o.lookup(name))
    except KeyError as e: print('KeyError', e)
import stringprep
print(stringprep.in_table_a1('\U0001F600'), stringprep.in_table_c12('\u3000'), stringprep.map_table_b2('\u00df'), stringprep.in_table_d1('\u05d0'))
