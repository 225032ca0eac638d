def a():
    try:
        return "try"
    finally:
        return "finally"
print(a())
def b():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(b())
def c():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            break
    return i
print(c())
def d():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("finally sees", x)
print(d())
def e():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(e())
def g():
    while True:
        try:
            break
        finally:
            print("finally on break")
    return "after loop"
print(g())
