x = 10
x += 5; x -= 3; x *= 2; print(x)
x //= 5; x **= 3; x %= 7; print(x)
x <<= 3; x >>= 1; x |= 1; x &= 0xff; x ^= 0b101; print(x)
f = 2.0
f /= 4; f += 1; print(f)
s = "a"
s += "b"; s *= 3; print(s)
l = [1]
l2 = l
l += [2]
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
d = {"k": [1]}
d["k"] += [2]
d["k"][0] -= 10
print(d)
class A:
    v = 1
a = A()
a.v += 1
print(a.v, A.v)
