eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(repr(eg), str(eg), eg.message, len(eg.exceptions))
try:
    raise eg
except* ValueError as g:
    print("ValueErrors:", repr(g))
except* TypeError as g:
    print("TypeErrors:", repr(g))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(lambda e: "2" in str(e))))
print(repr(eg.subgroup(KeyError)))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [KeyError("b")])])
try:
    raise nested
except* KeyError as g:
    print("keys:", repr(g))
except* ValueError as g:
    print("values:", repr(g))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled value")
except ExceptionGroup as g:
    print("remaining", repr(g))
bg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(bg).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError("plain")
except* ValueError as g:
    print("plain wrapped:", repr(g))
