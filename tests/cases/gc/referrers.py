# get_referrers: the tracked containers that refer to an object.
import gc

gc.disable()
gc.collect()


class Marker:
    pass


m = Marker()
holders = [[m], {"k": m}, tuple([m, 1]), {m}]
found = gc.get_referrers(m)
print(sum(any(r is h for h in holders) for r in found))
print(any(r is globals() for r in found))
print(sorted(type(r).__name__ for r in found if any(r is h for h in holders)))
n = Marker()
print([type(r).__name__ for r in gc.get_referrers(n) if r is not globals()])
lone = [n]
print(sum(1 for r in gc.get_referrers(n) if r is lone))
print(sum(1 for r in gc.get_referrers(m, n) if r is lone or any(r is h for h in holders)))
print(gc.get_referrers())
