def T(*_srcs):
    for _src in _srcs:
        try:
            _res = eval(_src)
        except Exception as _exc:
            print(_src, '!', type(_exc).__name__, _exc)
        else:
            print(_src, '=', repr(_res))


x = 7
for i in range(200):
    x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
    a = x ** ((i % 9) + 1) * (-1) ** (i // 2)
    x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
    b = x ** ((i % 7) + 1) | 1
    print(repr(a / b), repr(b / a) if a else '-', repr(float(a)), repr(a / 3))
T('(2**1024 - 1) / 1, 2**1074 / 2**2148, 1 / 2**1075, 3 / 2**1075, (2**53 + 1) / 2')
T('float(2**1024 - 2**970)')
T('float(2**1024 - 2**970 - 1)')
