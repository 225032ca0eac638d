# sys, time and math functions of CPython 3.11 beyond the basics.
import sys, time, math, builtins

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", r)

# sys.displayhook: prints the repr, binds builtins._, skips None.
sys.displayhook(42)
print(builtins._)
sys.displayhook(None)
print(builtins._)
sys.displayhook("x\ty")
show("same hook", lambda: sys.displayhook is sys.__displayhook__)
show("displayhook no arg", lambda: sys.displayhook())
class Loud:
    def __repr__(self):
        return "Loud()"
sys.displayhook(Loud())
show("_ is Loud", lambda: type(builtins._).__name__)
del builtins._
old = sys.stdout
sys.stdout = None
try:
    sys.displayhook(1)
except RuntimeError as e:
    sys.stdout = old
    print("RuntimeError", e)
sys.stdout = old

# PRINT_EXPR in "single" mode goes through sys.displayhook.
seen = []
sys.displayhook = seen.append
exec(compile("1 + 2\nNone\n'a'", "<s>", "single") if False else compile("1 + 2", "<s>", "single"))
exec(compile("None", "<s>", "single"))
sys.displayhook = sys.__displayhook__
print(seen)
del sys.displayhook
try:
    exec(compile("5", "<s>", "single"))
except RuntimeError as e:
    print("RuntimeError", e)
sys.displayhook = sys.__displayhook__

show("switch", lambda: sys.getswitchinterval())
sys.setswitchinterval(0.01)
show("switch set", lambda: sys.getswitchinterval())
show("switch 0", lambda: sys.setswitchinterval(0))
show("switch -1", lambda: sys.setswitchinterval(-1.0))
show("switch str", lambda: sys.setswitchinterval("a"))
sys.setswitchinterval(0.005)
show("dlopen", lambda: sys.getdlopenflags())
sys.setdlopenflags(258)
show("dlopen set", lambda: sys.getdlopenflags())
show("dlopen bad", lambda: sys.setdlopenflags("x"))
show("is_finalizing", lambda: sys.is_finalizing())
show("call_tracing", lambda: sys.call_tracing(max, (3, 9, 4)))
show("call_tracing list", lambda: sys.call_tracing(max, [3, 9]))
show("call_tracing 1", lambda: sys.call_tracing(max))
show("thread_info", lambda: sys.thread_info)
show("thread_info fields", lambda: (sys.thread_info.name, sys.thread_info.lock, sys.thread_info.version))
show("_framework", lambda: repr(sys._framework))
show("_home", lambda: sys._home)
show("_stdlib_dir", lambda: sys._stdlib_dir)
def frames():
    d = sys._current_frames()
    f = list(d.values())[0]
    return len(d), f.f_code.co_name
show("_current_frames", frames)
show("_current_exceptions empty", lambda: list(sys._current_exceptions().values()))
try:
    raise KeyError("k")
except KeyError:
    d = sys._current_exceptions()
    t = list(d.values())[0]
    print(len(d), t[0].__name__, repr(t[1]), type(t[2]).__name__)

show("exp2", lambda: (math.exp2(3), math.exp2(-1), math.exp2(0.5), math.exp2(-2000)))
show("exp2 inf", lambda: (math.exp2(float('inf')), math.exp2(float('-inf'))))
show("exp2 nan", lambda: math.exp2(float('nan')))
show("exp2 big", lambda: math.exp2(2000))
show("exp2 str", lambda: math.exp2("1"))
show("format type", lambda: ("{}".format(int), format(int, ""), f"{str!r:>20}"))
show("format type spec", lambda: format(int, "x"))
class Meta(type):
    def __format__(cls, spec):
        return "meta:" + spec
class WithMeta(metaclass=Meta):
    def __format__(self, spec):
        return "inst:" + spec
show("format metaclass", lambda: (format(WithMeta, "a"), format(WithMeta(), "b"), f"{WithMeta:c}"))
class NoFmt:
    __format__ = None
show("format None", lambda: format(NoFmt(), ""))

show("constants", lambda: (time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_MONOTONIC_RAW,
                           time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID,
                           time.CLOCK_BOOTTIME, time.CLOCK_TAI))
t1 = time.clock_gettime(time.CLOCK_MONOTONIC)
t2 = time.clock_gettime(time.CLOCK_MONOTONIC)
show("monotonic order", lambda: (type(t1).__name__, t2 >= t1))
n = time.clock_gettime_ns(time.CLOCK_REALTIME)
show("ns", lambda: (type(n).__name__, abs(n / 1e9 - time.time()) < 5))
show("getres", lambda: time.clock_getres(time.CLOCK_MONOTONIC))
show("bad clock", lambda: time.clock_gettime(12345))
show("bad clock res", lambda: time.clock_getres(-7))
show("float clock", lambda: time.clock_gettime(1.0))
show("no arg", lambda: time.clock_gettime())
show("settime", lambda: time.clock_settime(time.CLOCK_MONOTONIC, 0.0))
show("settime_ns", lambda: time.clock_settime_ns(time.CLOCK_MONOTONIC, 0))
show("strptime", lambda: time.strptime("2024-02-29 13:45", "%Y-%m-%d %H:%M"))
show("strptime default", lambda: time.strptime("Thu Feb 29 13:45:01 2024")[:6])
show("strptime bad", lambda: time.strptime("2024", "%d"))
show("strptime args", lambda: time.strptime())
show("strptime int", lambda: time.strptime(1, "%Y"))
import os
os.environ["TZ"] = "UTC"
time.tzset()
show("tz UTC", lambda: (time.timezone, time.altzone, time.daylight, time.tzname))
os.environ["TZ"] = "EST+05EDT,M3.2.0,M11.1.0"
time.tzset()
show("tz EST", lambda: (time.timezone, time.altzone, time.daylight, time.tzname))
show("localtime EST", lambda: time.localtime(1700000000)[:6])
show("tzset module", lambda: (time.tzset.__module__, time.strptime.__module__))
del os.environ["TZ"]
time.tzset()
