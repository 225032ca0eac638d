# WeakValueDictionary, WeakKeyDictionary and WeakSet lose entries whose
# objects die in cycles.
import gc
import weakref

gc.disable()
gc.collect()


class A:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __repr__(self):
        return "A(%d)" % self.n


objs = [A(i) for i in range(6)]
wvd = weakref.WeakValueDictionary()
wkd = weakref.WeakKeyDictionary()
ws = weakref.WeakSet()
for o in objs:
    wvd[o.n] = o
    wkd[o] = o.n
    ws.add(o)
keep = objs[::2]
del objs, o
print(len(wvd), len(wkd), len(ws))
gc.collect()
print(sorted(wvd.keys()), sorted(wkd.values()), sorted(x.n for x in ws))
del keep
gc.collect()
print(len(wvd), len(wkd), len(ws))
