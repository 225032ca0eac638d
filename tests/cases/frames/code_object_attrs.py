def sample(a, b=1, *args, c, **kw):
    import sys
    total = a + b
    def nested():
        return total
    return nested
co = sample.__code__
for name in ["co_name", "co_qualname", "co_argcount", "co_posonlyargcount", "co_kwonlyargcount",
             "co_nlocals", "co_varnames", "co_cellvars", "co_freevars", "co_names", "co_firstlineno",
             "co_flags", "co_stacksize"]:
    print(name, getattr(co, name))
print([type(c).__name__ for c in co.co_consts])
nested_co = [c for c in co.co_consts if hasattr(c, "co_name")][0]
print(nested_co.co_name, nested_co.co_qualname, nested_co.co_freevars, nested_co.co_flags)
print(co == sample.__code__, hash(co) == hash(sample.__code__), co.co_filename.endswith("code_object_attrs.py"))
print(len(co.co_code) == len(co._co_code_adaptive) if hasattr(co, "_co_code_adaptive") else "n/a")
