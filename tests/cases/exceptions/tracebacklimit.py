import sys
def r(n):
    if n == 0:
        raise ValueError("deep")
    r(n - 1)
for lim in [2, 0, -5, 10**30, -10**30, "x", 1]:
    sys.tracebacklimit = lim
    try:
        r(5)
    except ValueError as e:
        print("limit", repr(lim)[:8], file=sys.stderr)
        sys.__excepthook__(type(e), e, e.__traceback__)
sys.tracebacklimit = 1
r(3)
