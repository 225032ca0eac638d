import sys
for arg in [None, 0, 3, "message", (1, 2), True]:
    try:
        sys.exit(arg) if arg is not None else sys.exit()
    except SystemExit as e:
        print(repr(e), repr(e.code), e.args)
try:
    raise SystemExit(5)
except SystemExit as e:
    print(e.code)
try:
    exit_ = SystemExit
    raise exit_("a", "b")
except SystemExit as e:
    print(e.code, e.args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
sys.exit(7)
