a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5); print(a)
a.extend([7, 8]); print(a)
a.insert(0, 0); a.insert(100, 99); a.insert(-1, -1); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a, a.index(5), a.count(1), a.index(5, 5))
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.sort(key=lambda v: (v % 3, v)); print(a)
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a == b, b, len(a))
print([1, 2] + [3], [0] * 4, [[]] * 2, 2 * [1, 2])
for op in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(3), lambda: [1, 2][5]]:
    try:
        op()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
c = [1, 2, 3]
c += (4, 5)
c *= 2
print(c, c * 0, c * -1)
try:
    [1, "a"].sort()
except TypeError as e:
    print(type(e).__name__, e)
