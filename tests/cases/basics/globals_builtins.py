print(len(dir(__builtins__)) > 100, "print" in dir(__builtins__), type(__builtins__).__name__)
import builtins
orig = builtins.len
builtins.len = lambda x: -1
print(len([1, 2]))
builtins.len = orig
print(len([1, 2]))
len = lambda x: "shadowed"
print(len("x"))
del len
print(len("x"))
g = globals()
g["dynamic"] = 5
print(dynamic, "dynamic" in globals())
exec("created_by_exec = 10")
print(created_by_exec, eval("created_by_exec * 2"), eval("a + b", {"a": 1}, {"b": 2}))
