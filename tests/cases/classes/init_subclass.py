class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class A(Plugin): pass
class B(Plugin, name="bee"): pass
class C(B): pass
print(Plugin.registry, A.plugin_name, B.plugin_name, C.plugin_name)
try:
    class D(Plugin, unknown=1): pass
except TypeError as e:
    print(type(e).__name__, e)
class Q:
    pass
try:
    class R(Q, flag=True): pass
except TypeError as e:
    print(type(e).__name__, e)
