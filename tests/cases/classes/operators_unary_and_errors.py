class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
print(-U(), +U(), ~U(), abs(U()))
class Nothing:
    pass
for op, f in [("-", lambda: -Nothing()), ("+", lambda: +Nothing()), ("~", lambda: ~Nothing()), ("abs", lambda: abs(Nothing())),
              ("*", lambda: Nothing() * 2), ("@", lambda: Nothing() @ Nothing()), ("<", lambda: Nothing() < Nothing()),
              ("**", lambda: Nothing() ** 2), ("divmod", lambda: divmod(Nothing(), 1)), ("pow3", lambda: pow(Nothing(), 2, 3))]:
    try:
        f()
    except TypeError as e:
        print(op, type(e).__name__, e)
