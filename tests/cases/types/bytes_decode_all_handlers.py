data = b'a\x80b\xc3\x28c\xe2\x82d\xf0\x9f\x98e\xed\xa0\x80f\xf4\x90\x80\x80g'
for h in ('ignore', 'replace', 'backslashreplace', 'surrogateescape'):
    for enc in ('utf-8', 'ascii', 'utf-16-le', 'utf-32-be'):
        try:
            print(h, enc, ascii(data.decode(enc, h)))
        except UnicodeDecodeError as e:
            print(h, enc, 'error', e.start, e.end, e.reason)
print(ascii(data.decode('latin-1')))
for enc in ('utf-8', 'ascii', 'utf-16', 'utf-32-le'):
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(enc, e.start, e.end, e.reason)
