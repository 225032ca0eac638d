import inspect
for f in (abs, sorted, divmod, sum, pow, round, print, len, hash):
    print(f.__name__, f.__text_signature__, inspect.signature(f))
for m in (list.append, list.sort, list.index, dict.get, dict.pop, dict.setdefault, dict.fromkeys, set.add, frozenset.union):
    print(m.__qualname__, m.__text_signature__, repr(m.__doc__))
for w in (int.__add__, object.__repr__, list.__len__, dict.__getitem__, type.__call__, (1).__add__, str.__hash__, object.__init__):
    print(w.__name__, w.__text_signature__, repr(w.__doc__))
print(inspect.signature(int.__add__), inspect.signature([].append))
print(int.__text_signature__, object.__text_signature__, list.__text_signature__)
print(repr(list.__doc__), repr(object.__doc__))
