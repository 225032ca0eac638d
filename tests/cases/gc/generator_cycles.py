# Generators that hold themselves through their frame's locals.
import gc
import weakref

gc.disable()
gc.collect()


def g():
    me = yield 1
    yield me


gen = g()
next(gen)
gen.send(gen)
r = weakref.ref(gen)
del gen
print(r() is not None)
gc.collect()
print(r() is None)


def with_finally(log):
    try:
        holder = yield
        yield holder
    finally:
        log.append("finally")


log = []
gen = with_finally(log)
next(gen)
gen.send([gen])
del gen
print(log)
gc.collect()
print(log)


def suspended():
    yield 1


gens = [suspended() for _ in range(5)]
for x in gens:
    next(x)
gens.append(gens)
refs = [weakref.ref(x) for x in gens[:5]]
del gens, x
gc.collect()
print(all(r() is None for r in refs))
