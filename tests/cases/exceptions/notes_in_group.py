eg = ExceptionGroup("g", [ValueError("a")])
eg.add_note("group note")
eg.exceptions[0].add_note("inner note")
try:
    raise eg
except ExceptionGroup as g:
    print(g.__notes__, g.exceptions[0].__notes__)
e = ValueError()
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print(type(err).__name__, err)
