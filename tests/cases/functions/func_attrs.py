def outer(a, b=2, *args, c, d=4, **kw):
    "doc string"
    x = a + b
    def inner():
        return x
    return inner
print(outer.__name__, outer.__qualname__, outer.__doc__, outer.__module__)
print(outer.__defaults__, outer.__kwdefaults__)
inner = outer(1, c=3)
print(inner.__name__, inner.__qualname__)
co = outer.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_nlocals)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_filename.endswith("func_attrs.py"))
print(co.co_firstlineno, co.co_flags & 0x0C, inner.__code__.co_freevars, co.co_qualname)
class K:
    def meth(self):
        def nested():
            pass
        return nested
print(K.meth.__qualname__, K().meth().__qualname__, (lambda: 0).__qualname__)
outer.custom = "attr"
print(outer.custom, outer.__dict__, sorted(vars(outer)))
outer.__name__ = "renamed"
print(outer.__name__, outer.__annotations__)
def ann(x: int, y: "str" = "") -> list:
    pass
print(ann.__annotations__)
print(type(outer).__name__, callable(outer), outer.__globals__ is globals())
