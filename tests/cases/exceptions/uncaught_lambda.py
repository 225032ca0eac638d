f = lambda x: x.missing_attr
print("start")
f(42)
