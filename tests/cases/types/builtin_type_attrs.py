# Attributes and methods of built-in types that programs (inspect, typing,
# pickle, reprlib) look up; each line prints what CPython 3.11 prints.
import types, sys

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", r)

mp = types.MappingProxyType({'a': 1, 'b': 2})
show("mp | dict", lambda: mp | {'c': 3})
show("dict | mp", lambda: {'z': 0} | mp)
show("type(mp | {})", lambda: type(mp | {}).__name__)
def ior():
    m = mp
    m |= {'x': 1}
    return m
show("mp |= dict", ior)
show("mp | 1", lambda: mp | 1)
show("reversed(mp)", lambda: list(reversed(mp)))
show("mp[int]", lambda: types.MappingProxyType[int])
show("mp.__or__", lambda: hasattr(mp, '__or__') and hasattr(mp, '__ror__') and hasattr(mp, '__ior__'))

def g():
    yield 1
show("gen.__del__", lambda: hasattr(g(), '__del__'))
it = g(); next(it); it.__del__(); show("after __del__", lambda: it.gi_frame)
async def c():
    pass
co = c(); show("coro.__del__", lambda: hasattr(co, '__del__')); co.close()
async def ag():
    yield 1
show("agen class_getitem", lambda: types.AsyncGeneratorType[int])
show("agen has ag_suspended", lambda: hasattr(ag(), 'ag_suspended'))
show("agen.__del__", lambda: hasattr(ag(), '__del__'))

show("BaseExceptionGroup[int]", lambda: BaseExceptionGroup[int])
show("ExceptionGroup[int]", lambda: ExceptionGroup[int])

def f():
    x = 1
    return x
show("co_lnotab type", lambda: type(f.__code__.co_lnotab).__name__)
show("co_lnotab", lambda: f.__code__.co_lnotab)
show("co_lnotab lambda", lambda: (lambda: 0).__code__.co_lnotab)
src = "a = 1\n\n\n\nb = 2\n" + "\n" * 300 + "c = 3\n"
show("co_lnotab gaps", lambda: compile(src, "m", "exec").co_lnotab)

m = types.ModuleType("m")
show("module.__annotations__", lambda: m.__annotations__)
m.__annotations__ = {'a': int}
show("module.__annotations__ set", lambda: m.__annotations__)
del m.__annotations__
show("module.__annotations__ del", lambda: '__annotations__' in m.__dict__)
show("sys annotations", lambda: type(sys.__annotations__).__name__)

mw = (1).__add__
show("method-wrapper __objclass__", lambda: mw.__objclass__)
show("method-wrapper __qualname__", lambda: mw.__qualname__)
show("method-wrapper str qualname", lambda: "".__len__.__qualname__)
cmd = dict.__dict__['fromkeys']
show("classmethod_descriptor call", lambda: cmd(dict, 'ab'))
show("classmethod_descriptor call sub", lambda: cmd(type('D', (dict,), {}), 'ab'))
show("classmethod_descriptor call bad", lambda: cmd(int, 'ab'))
show("classmethod_descriptor call none", lambda: cmd())

show("FunctionType.__globals__", lambda: type(types.FunctionType.__globals__).__name__)
show("MemberDescriptorType", lambda: types.MemberDescriptorType.__name__)
show("__globals__ readonly", lambda: setattr(f, '__globals__', {}))
show("__closure__", lambda: type(types.FunctionType.__closure__).__name__)
show("__builtins__", lambda: type(types.FunctionType.__builtins__).__name__)
show("__doc__", lambda: type(types.FunctionType.__dict__['__doc__']).__name__)
show("__module__", lambda: type(types.FunctionType.__dict__['__module__']).__name__)
import inspect
show("ismemberdescriptor", lambda: inspect.ismemberdescriptor(types.FunctionType.__globals__))
show("member repr", lambda: repr(types.FunctionType.__globals__))
show("range.start", lambda: type(range.__dict__['start']).__name__)
show("slice.step", lambda: type(slice.__dict__['step']).__name__)
show("type.__mro__", lambda: type(type.__dict__['__mro__']).__name__)
show("type.__base__", lambda: type(type.__dict__['__base__']).__name__)
show("type.__name__", lambda: type(type.__dict__['__name__']).__name__)
show("set range.start", lambda: setattr(range(3), 'start', 1))
show("set slice.stop", lambda: setattr(slice(3), 'stop', 1))
show("set int.__mro__", lambda: setattr(int, '__mro__', ()))
class K:
    pass
show("set K.__mro__", lambda: setattr(K, '__mro__', ()))
show("set K.__base__", lambda: setattr(K, '__base__', object))
def h():
    "doc"
del h.__doc__
show("deleted __doc__", lambda: h.__doc__)
h.__module__ = 'mm'
show("__module__ set", lambda: h.__module__)
del h.__module__
show("deleted __module__", lambda: h.__module__)
show("member get on wrong type", lambda: types.FunctionType.__globals__.__get__(1))
show("member get class", lambda: types.FunctionType.__globals__.__get__(None, types.FunctionType) is types.FunctionType.__globals__)
show("member objclass", lambda: types.FunctionType.__globals__.__objclass__)
show("member name", lambda: range.start.__name__)
show("type dict order", lambda: [k for k in vars(type) if k in ('__basicsize__', '__mro__', '__name__', '__base__', 'mro')])
