def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


T("(1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (0).to_bytes(0, 'big'), (-1).to_bytes(2, 'big', signed=True)")
T("(255).to_bytes(1, 'big'), (-128).to_bytes(1, 'big', signed=True)")
T("(256).to_bytes(1, 'big')")
T("(-1).to_bytes(1, 'big')")
T("(128).to_bytes(1, 'big', signed=True)")
T("(1).to_bytes(), (65).to_bytes(length=3, byteorder='little')")
T("(1).to_bytes(2, 'middle')")
T("(1).to_bytes(-1, 'big')")
T("int.from_bytes(b'\\x00\\x10', 'big'), int.from_bytes(b'\\x00\\x10', 'little'), int.from_bytes(b'\\xff\\xff', 'big', signed=True), int.from_bytes(b'', 'big')")
T("int.from_bytes([1, 2, 3], 'big'), int.from_bytes(bytearray(b'\\x01'), 'little'), int.from_bytes(b'\\x80'), int.from_bytes(b'\\x80', signed=True)")
T("int.from_bytes('ab', 'big')")
T("int.from_bytes(b'x', 'sideways')")
T("bool.from_bytes(b'\\x01', 'big'), type(bool.from_bytes(b'\\x00', 'big'))")
T("(2**100).to_bytes(13, 'big'), int.from_bytes((2**100).to_bytes(13, 'little'), 'little') == 2**100")
class MyInt(int): pass
T("type(MyInt.from_bytes(b'\\x05', 'big')), MyInt.from_bytes(b'\\x05', 'big')")
