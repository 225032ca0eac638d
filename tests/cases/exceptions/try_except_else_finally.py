def f(x):
    try:
        print("try", x)
        r = 10 / x
    except ZeroDivisionError as e:
        print("except", type(e).__name__, e)
        return "handled"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally", x)
print(f(2))
print(f(0))
try:
    try:
        raise KeyError("k")
    except ValueError:
        print("not here")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", repr(e))
try:
    raise TypeError("multi")
except (ValueError, TypeError) as e:
    print("tuple caught", type(e).__name__, e)
try:
    [][0]
except LookupError as e:
    print("base caught", type(e).__name__, e)
try:
    x = 1
except:
    pass
else:
    print("bare try else", x)
e = "before"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)
