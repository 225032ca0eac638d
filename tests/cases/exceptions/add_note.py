e = ValueError("base")
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as err:
    print(type(err).__name__, err)
try:
    try:
        raise KeyError("k")
    except KeyError as k:
        k.add_note("while looking up")
        raise
except KeyError as k:
    print(k.__notes__)
raise e
