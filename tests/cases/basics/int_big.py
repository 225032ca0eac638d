a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, a - b, a * b)
print(b // a, b % a, -b // a, -b % a)
print(a ** 3)
print(2 ** 64 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1)
print((2 ** 64) * (2 ** 64) == 2 ** 128)
x = 1
for i in range(1, 30):
    x *= i
print(x)
print(x.bit_length(), (255).bit_length(), (0).bit_length(), (-256).bit_length())
print(int("123456789" * 4) % 97)
print(hex(2 ** 100), oct(2 ** 40), bin(2 ** 20 + 5))
print(hex(-255), oct(-8), bin(-5))
