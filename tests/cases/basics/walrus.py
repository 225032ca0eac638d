data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10], y)
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((a := 5), a, (b := a + 1) * 2, b)
def f():
    [total := total_x for total_x in range(3)]
    return total
print(f())
vals = [(k, v) for k in "ab" if (v := ord(k))]
print(vals, v)
print(any((hit := x) > 6 for x in data), hit)
