def level3(x):
    return x["key"].upper()
def level2(x):
    return level3(x) + "!"
def level1():
    return level2({"key": None})
level1()
