class Bad:
    def __str__(self):
        raise ValueError("bad str")
print("first line")
print("a", Bad(), "c")
