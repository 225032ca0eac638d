x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
class C:
    n = 5
    try:
        items = list(n * i for i in range(3))
    except NameError as e:
        items = f"NameError: {e}"
    first = list(i for i in range(n))
print(C.items, C.first)
gens = [(lambda: i)() for i in range(3)]
print(gens)
