s = 'a\ud800b\U0001f600\udfffc'
print(len(s), ascii(s), [hex(ord(c)) for c in s])
print(ascii(s.upper()), ascii(s[::-1]), s.find('\U0001f600'), s.isprintable())
print(ascii(s.encode('utf-8', 'surrogatepass')))
print(ascii(s.encode('utf-16-le', 'surrogatepass').decode('utf-16-le', 'surrogatepass')))
t = '\ud83d\ude00'
print(len(t), t == '\U0001f600', ascii(t.encode('utf-16-le', 'surrogatepass').decode('utf-16-le')))
print(ascii(chr(0xd800) + chr(0xdc00)))
print(sorted(['\ud800', '\U00010000', '\uffff', '\ue000']) == ['\ud800', '\ue000', '\uffff', '\U00010000'])
