def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen", e)
        yield "recovered"
    finally:
        print("gen finally")
it = g()
print(next(it))
print(it.throw(ValueError("boom")))
try:
    it.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(list(it))
it2 = g()
try:
    it2.throw(TypeError, "not started")
except TypeError as e:
    print("unstarted", e)
it3 = g()
next(it3)
try:
    it3.throw(ValueError)
except StopIteration:
    pass
print(next(it3, "exhausted"))
