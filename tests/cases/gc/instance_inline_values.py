# Instance cycles: the number gc.collect() reports depends on whether the
# instance's __dict__ exists as a separate object (CPython 3.11 keeps the
# attributes inline until __dict__ is asked for).
import gc

gc.disable()
gc.collect()


class A:
    pass


a = A()
a.self = a
del a
print("inline", gc.collect())

a = A()
a.__dict__
a.self = a
del a
print("materialized", gc.collect())

a = A()
b = A()
a.b = b
b.a = a
del a, b
print("pair", gc.collect())

a = A()
vars(a)["me"] = a
del a
print("vars", gc.collect())
