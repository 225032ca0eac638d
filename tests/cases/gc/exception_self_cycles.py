# Exceptions that refer to themselves through args, __context__, __cause__,
# attributes, and OSError/StopIteration fields: each cycle is collected once
# and the numbers gc.collect() reports.
import gc

gc.disable()
gc.collect()

e = ValueError()
e.args = (e,)
del e
print("args", gc.collect(), gc.collect())

e = ValueError()
e.__context__ = e
del e
print("context", gc.collect(), gc.collect())

e = ValueError()
e.__cause__ = e
del e
print("cause", gc.collect(), gc.collect())

e = ValueError()
e.x = [e]
del e
print("attribute", gc.collect(), gc.collect())

e = StopIteration()
e.value = e
del e
print("StopIteration.value", gc.collect(), gc.collect())

e = KeyError()
e.args = ([e],)
del e
print("args list", gc.collect(), gc.collect())


class MyError(Exception):
    pass


e = MyError()
e.args = (e, e)
del e
print("subclass args", gc.collect(), gc.collect())
