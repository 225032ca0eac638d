import sys
letters = [chr(c) for c in range(97, 123)]
print(set(letters))
pairs = {a + b for a in 'abcde' for b in 'vwxyz'}
print(pairs)
print(set(map(str, range(30))))
print({str(i) * 3: i for i in range(15)})
print(set('mississippi'), set(b'mississippi'))
print({1.5, 'x', 2, (1, 'a'), b'b', 3j})
print({'k' + str(i): [i] for i in range(8)}.keys() - {'k1'})
