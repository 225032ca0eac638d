def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


ba = bytearray(b'  Hello World  ')
T("ba.strip(), ba.lstrip(), ba.rstrip(), ba.upper(), ba.lower(), ba.title(), ba.swapcase(), ba.capitalize(), ba.split(), ba.rsplit(None, 1), ba.partition(b'o'), ba.rpartition(b'o')")
T("ba.center(20, b'*'), ba.ljust(16), ba.rjust(16), ba.zfill(17), ba.expandtabs(), ba.replace(b'l', b'L'), ba.translate(None, b'l'), ba.splitlines(), ba.startswith(b'  H'), ba.endswith(b'd  ')")
T("ba.find(b'o'), ba.rfind(b'o'), ba.index(b'W'), ba.rindex(b'l'), ba.count(b'l'), ba.isalpha(), ba.isascii(), ba.hex(), ba.decode(), ba.join([b'a', b'b'])")
T("type(ba.strip()), type(ba.split()[0]), type(ba.partition(b'o')[0]), type(ba.replace(b'', b'')), type(ba.copy()), type(ba[1:3]), ba[1:3], ba[0]")
T("bytearray.maketrans(b'a', b'b')[97], type(bytearray.maketrans(b'a', b'b'))")
T("ba.removeprefix(b'  '), ba.removesuffix(b'  '), ba.isalnum(), ba.isdigit(), ba.islower(), ba.isspace(), ba.istitle(), ba.isupper()")
b2 = bytearray(range(5))
b2[1:4] = b2
print(b2)
b3 = bytearray(b'abcdef')
b3[::-2] = b'123'
print(b3)
b3[-1] = 0
print(b3, bytearray(b'x') in [b'x'], b3 + b'!', b'!' + b3, bytearray(iter(b'it')), bytearray(memoryview(b'mv')))
