results = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            raise ValueError(i)
        results.append(i)
    except ValueError as e:
        results.append(f"err{e}")
    else:
        results.append("else")
    finally:
        results.append("fin")
print(results)
def find(items, target):
    for i, v in enumerate(items):
        try:
            if v == target:
                return i
        finally:
            print("checked", v)
    return -1
print(find("abc", "b"))
