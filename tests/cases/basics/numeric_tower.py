print(isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(int.__mro__, bool.__mro__, float.__mro__, complex.__mro__)
print(type(1 + 1.0), type(1 * True), type(1j * 2), type(2 ** -1), type(4 // 2.0), type(divmod(5, 2.0)[0]))
print((1).__add__(1.0), (1.0).__radd__(1), (1).__eq__(1.0), (1).__lt__(2.5))
print(3 == 3.0 == complex(3, 0), hash(3) == hash(3.0) == hash(complex(3, 0)))
print(abs(-1j), (1 + 1j).__abs__(), complex(0, 1) ** 2 == -1)
try:
    1j < 2j
except TypeError as e:
    print(type(e).__name__, e)
