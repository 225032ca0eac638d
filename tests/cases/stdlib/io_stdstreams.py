import sys
print(sys.stdout, sys.stderr, sys.stdin)
print(sys.stdout.buffer, sys.stdout.encoding, sys.stderr.errors, sys.stdout.errors)
print(sys.stdout.name, sys.stdout.mode, sys.stdout.fileno(), sys.stdout.writable(), sys.stdout.readable())
sys.stdout.write("direct\n")
print("after")
sys.stderr.write("err1\n")
print("to err", file=sys.stderr)
print("x", end="")
print("y", flush=True)
sys.stdout.flush()
print(repr(sys.stdin.read()))
import _io
old = sys.stdout
sys.stdout = _io.StringIO()
print("captured", 1, 2, sep="-")
v = sys.stdout.getvalue()
sys.stdout = old
print(repr(v))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
with open(__file__) as f:
    print(f.readline().rstrip())
print("exiting")
raise SystemExit(3)
