# deque, OrderedDict, defaultdict, Counter and ChainMap in cycles.
import collections
import gc

gc.disable()
gc.collect()

d = collections.deque()
d.append(d)
del d
print("deque", gc.collect() >= 1)

od = collections.OrderedDict()
od["me"] = od
od["x"] = [od]
del od
print("OrderedDict", gc.collect() >= 2)

dd = collections.defaultdict(list)
dd["a"].append(dd)
del dd
print("defaultdict", gc.collect() >= 2)



def make():
    dd = collections.defaultdict()
    dd.default_factory = lambda: dd


make()
print("defaultdict factory", gc.collect() >= 1)

dq = collections.deque(maxlen=3)
lst = [dq]
dq.append(lst)
dq.append(1)
del dq, lst
print("bounded deque", gc.collect())
print("nothing left", gc.collect())
