# DEBUG_SAVEALL: collected objects go to gc.garbage instead of being freed.
import gc

gc.disable()
gc.collect()
print(gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)

a = []
a.append(a)
b = {}
b["b"] = b
del a, b
n = gc.collect()
print(n, len(gc.garbage))
print(sorted(type(o).__name__ for o in gc.garbage))
lst = [o for o in gc.garbage if type(o) is list][0]
print(lst[0] is lst)
del lst
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())

a = []
a.append(a)
del a
print(gc.collect(), gc.garbage)
