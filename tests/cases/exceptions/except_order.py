class A(Exception): pass
class B(A): pass
class C(B): pass
for exc in [A, B, C]:
    try:
        raise exc()
    except C:
        print("C")
    except B:
        print("B")
    except A:
        print("A")
try:
    raise C()
except A as e:
    print("broad first", type(e).__name__)
except C:
    print("never")
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
catch = (KeyError, IndexError)
try:
    [][1]
except catch as e:
    print("dynamic tuple", type(e).__name__)
