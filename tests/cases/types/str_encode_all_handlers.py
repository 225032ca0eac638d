s = 'a\x80é\u20ac\ud800\udc80\U0001f600z'
for enc in ('utf-8', 'ascii', 'latin-1', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be'):
    row = []
    for h in ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass'):
        try:
            row.append(s.encode(enc, h).hex())
        except UnicodeEncodeError as e:
            row.append('E%d-%d' % (e.start, e.end))
    print(enc, ' '.join(row))
