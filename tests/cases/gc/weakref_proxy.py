# weakref.proxy to an object in a cycle stops working once it is collected.
import gc
import weakref

gc.disable()
gc.collect()


class A:
    def hello(self):
        return "hello"


a = A()
a.me = a
p = weakref.proxy(a)
print(p.hello())
print(weakref.getweakrefcount(a))
del a
print(p.hello())
gc.collect()
try:
    p.hello()
except ReferenceError as e:
    print("ReferenceError:", e)

calls = []
b = A()
b.me = b
cp = weakref.proxy(b, lambda prox: calls.append(type(prox).__name__))
del b
gc.collect()
print(calls)
