"""Reference-leak hunt in loops (run by crates/taipan/tests/leak_loops.rs).

Each snippet below (a run of lines up to the next unindented line) is run
WARM times, then N more times between two full collections; a snippet whose
N runs leave more than N/4 new blocks, twice in a row, (sys.getallocatedblocks()) leaks a
reference on every run, typically a missing decref in native code. Bounded
caches (free lists, the method cache) fill during the warm-up. The first
snippet leaks on purpose (it appends to a list kept outside), so the test can
check that the hunt sees a leak. A snippet that raises is reported as ERR and
skipped (some need modules Taipan does not have yet).
"""
import gc
import os
import sys

SCRATCH = "/tmp/taipan-leak-loops-%d.txt" % os.getpid()
SNIPPETS = r'''
l = [1, 2, 3]; l.append(4); l.pop(); l.insert(0, 5); l.remove(5); l.sort(); l.reverse(); l[1:2] = [7, 8]; del l[0]
d = {"a": 1, "b": [2]}; d.get("a"); d.setdefault("c", 3); d.pop("c"); d.update(x=1); list(d.items()); d.copy(); d.popitem()
s = {1, 2, 3}; s.add(4); s.discard(1); s | {9}; s & {2}; s - {3}; s ^ {5}; frozenset(s); s.copy(); s.pop()
t = (1, "a", [2]); t + (3,); t * 2; t.index(1); t.count("a"); hash((1, 2)); t[1:]
x = "abc" * 3; x.upper(); x.split("b"); "-".join(["a", "b"]); x.replace("a", "z"); x.find("c"); x.encode(); f"{x}{1}"; x.partition("b"); x.strip("a"); x.format(); "%s %d" % ("a", 1); x[::2]
b = b"abc"; b.decode(); b.hex(); bytes.fromhex("00ff"); bytearray(b).extend(b"x"); b.split(b"b"); b + b"x"; memoryview(b)[1:]; b.replace(b"a", b"q")
n = 10**30; n * n; n // 7; divmod(n, 3); str(n); int("123456789012345678901234567890"); n.to_bytes(16, "big"); int.from_bytes(b"\x01\x02", "little"); pow(n, 2, 97); -n; abs(-n); n >> 3; n & 0xff
f = 1.5; f * 2.0; str(f); float("2.5"); round(f, 2); f.as_integer_ratio(); f.hex(); divmod(f, 0.7); complex(1, 2) * 3j
r = range(10); list(r); r[2:5]; 3 in r; reversed(r); len(r); r.index(3); sorted([3, 1, 2], key=lambda v: -v); min(3, 1); max([1, 5]); sum([1, 2])
list(zip([1, 2], "ab")); list(enumerate("ab")); list(map(str, [1, 2])); list(filter(None, [0, 1])); any([0, 1]); all([]); iter([1]).__next__()
def fgen():
    yield 1
    yield 2
list(fgen()); g = fgen(); next(g); g.close()
def fexc():
    try:
        raise ValueError("x")
    except ValueError as e:
        return str(e)
fexc()
try:
    {}["missing"]
except KeyError:
    pass
try:
    int("x")
except ValueError as e:
    e.args
try:
    None.attr
except AttributeError:
    pass
class C:
    def __init__(self): self.a = 1
    def m(self): return self.a
    @property
    def p(self): return 2
c = C(); c.m(); c.p; getattr(c, "a"); setattr(c, "b", 2); hasattr(c, "zz"); vars(c); repr(c); isinstance(c, C)
class K:
    __slots__ = ("a", "b")
k = K(); k.a = [1]; k.b = 2; del k.a
def clo():
    v = [1]
    def inner(): return v
    return inner()
clo()
(lambda *a, **kw: (a, kw))(1, 2, x=3)
def kw(a, b=2, *args, c, **kws): return a
kw(1, c=3); kw(1, 2, 3, 4, c=5, z=6)
sorted({"b": 1, "a": 2}.items()); dict(zip("ab", [1, 2])); dict.fromkeys("abc"); {i: i for i in range(5)}; [i for i in range(5)]; {i for i in range(5)}
super(C, c).__repr__(); type("X", (), {}); type(c).__mro__; C.__dict__["m"]
import itertools; list(itertools.islice(itertools.count(), 5)); list(itertools.chain([1], [2])); list(itertools.product("ab", repeat=2)); list(itertools.permutations([1, 2, 3])); list(itertools.groupby("aabb")); list(itertools.accumulate([1, 2]))
import functools; functools.reduce(lambda a, b: a + b, [1, 2, 3]); functools.partial(int, base=2)("101")
import operator; operator.itemgetter(1)([1, 2]); operator.attrgetter("real")(3); operator.methodcaller("upper")("a")
import collections; dq = collections.deque([1, 2]); dq.appendleft(0); dq.rotate(1); collections.Counter("aab").most_common(); collections.OrderedDict(a=1).move_to_end("a"); collections.defaultdict(list)["x"].append(1)
import struct; struct.pack("<iH", 1, 2); struct.unpack("<iH", b"\x01\x00\x00\x00\x02\x00"); struct.calcsize("q")
import math; math.sqrt(2); math.floor(2.5); math.gcd(12, 18); math.factorial(20); math.isclose(1, 1.0)
import io; sio = io.StringIO(); sio.write("abc"); sio.getvalue(); bio = io.BytesIO(b"xyz"); bio.read(2)
import weakref
class W: pass
w = W(); r = weakref.ref(w); r(); weakref.getweakrefcount(w); del w
import array; a = array.array("i", [1, 2, 3]); a.append(4); a.tolist(); a.tobytes(); a[1:]
import heapq; h = [3, 1, 2]; heapq.heapify(h); heapq.heappush(h, 0); heapq.heappop(h); heapq.nlargest(2, h)
import bisect; bisect.insort([1, 3], 2); bisect.bisect_left([1, 2, 3], 2)
import random; rr = random.Random(1); rr.random(); rr.randint(1, 10); rr.choice([1, 2]); rr.shuffle([1, 2, 3])
import time; time.time(); time.monotonic(); time.localtime(0); time.strftime("%Y", time.gmtime(0))
import os; os.getcwd(); os.path.join("a", "b"); os.environ.get("PATH"); os.path.exists("/tmp")
"{:>10}".format("x"); format(3.14159, ".2f"); format(10**20, ","); "{0[1]}".format([1, 2]); "%r" % ([1],)
exec("zz = 1", {}); eval("1 + 2"); compile("x = 1", "<s>", "exec")
print("x", file=io.StringIO()); repr([1, {"a": (1,)}]); ascii("é"); hash("abc"); id(1) > 0; callable(len); dir([]) and None
import abc
class AB(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
class AC(AB):
    def f(self): return 1
AC().f(); isinstance(AC(), AB); issubclass(AC, AB)
async def co(): return 1
def runco():
    cr = co()
    try:
        cr.send(None)
    except StopIteration:
        pass
runco()
with open("/dev/null") as fh: fh.read()
CONTROL_LEAK.append([1])
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    eg.exceptions
except* TypeError:
    pass
e = ValueError("n"); e.add_note("note"); e.__notes__; str(e); repr(e); e.with_traceback(None)
def thrower():
    try:
        yield 1
    except KeyError:
        yield 2
tg = thrower(); next(tg); tg.throw(KeyError("k")); tg.close()
def yf():
    r = yield from thrower()
    return r
list(yf())
class GA:
    def __getattr__(self, name): return name
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i
ga = GA(); ga.foo; list(iter(ga)); 2 in ga
class Base:
    def __init_subclass__(cls, **kw): cls.kw = kw
class Sub(Base, flag=1): pass
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, inst, owner): return self.name
class HasDesc:
    d = Desc()
HasDesc().d
class CM:
    @classmethod
    def make(cls): return super().__new__(cls)
    @staticmethod
    def st(): return 1
CM.make(); CM.st()
class Prop:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v
pp = Prop(); pp.x = 5; pp.x
class MyInt(int): pass
MyInt(5) + 3; MyInt(7) * MyInt(2); str(MyInt(3)); hash(MyInt(3))
class MyStr(str): pass
MyStr("abc").upper(); MyStr("a") + "b"; MyStr("x") * 3; "%s" % MyStr("q")
class MyDict(dict):
    def __missing__(self, k): return k
MyDict()["zz"]; MyDict(a=1).get("a")
class MyList(list): pass
ml = MyList([3, 1]); ml.sort(); ml + [1]; ml[0:1]
a, *b = [1, 2, 3]; [*b, *b]; {**{"a": 1}, "b": 2}; print(*[], end="", file=io.StringIO())
def matcher(v):
    match v:
        case [1, *rest]: return rest
        case {"k": val}: return val
        case C() if True: return "C"
        case str() as s2: return s2
        case _: return None
matcher([1, 2]); matcher({"k": 3}); matcher("s"); matcher(5); matcher(C())
try:
    len()
except TypeError:
    pass
try:
    kw(1, 2, 3)
except TypeError:
    pass
try:
    a1, b1 = [1, 2, 3]
except ValueError:
    pass
try:
    [1, 2].sort(key=lambda v: 1 / 0)
except ZeroDivisionError:
    pass
try:
    list(zip([1], [1, 2], strict=True))
except ValueError:
    pass
try:
    1 < "a"
except TypeError:
    pass
def rec(n): return rec(n + 1)
try:
    rec(0)
except RecursionError:
    pass
"abc".translate(str.maketrans("a", "b")); "é".encode("latin-1"); "ü".upper(); "ß".casefold(); "a\u1234b".split("\u1234"); "\u1234" * 5
b"%s %d" % (b"a", 1); bytearray(b"abc")[1:]; bytes(range(5))
min([3, 1], key=lambda v: v); max([], default=0); list(enumerate("ab", 5)); list(map(pow, [2, 3], [2, 2]))
functools.lru_cache(maxsize=4)(lambda v: v)(3)
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a): return fn(*a)
    return wrapper
deco(len)([1])
import contextlib
with contextlib.suppress(KeyError): {}["x"]
@contextlib.contextmanager
def ctx():
    yield 1
with ctx() as cv: pass
async def agen():
    yield 1
def runag():
    ag = agen()
    try:
        ag.__anext__().send(None)
    except StopIteration:
        pass
    ag.aclose().close() if hasattr(ag, "aclose") else None
runag()
x5 = 1; del x5; globals().get("nothing")
import copy; copy.deepcopy({"a": [1, (2, 3)]}); copy.copy([1])
with open(SCRATCH, "w") as fw: fw.write("hello\n")
with open(SCRATCH) as fr: fr.readlines()
with open(SCRATCH, "rb") as fb: fb.read()
import os; os.stat("/tmp"); os.listdir("/tmp")[:1]; os.fspath("a"); os.getpid()
import string; string.Template("$a").substitute(a=1) if False else None; string.ascii_letters
int.__add__(1, 2); object.__repr__(c); type.__call__(C); list.__getitem__([1], 0); str.join("", ["a"])
(1).__class__; c.__class__.__name__; C.__name__; C.__qualname__; C.__module__; C.__doc__; c.__dict__
import sys; sys.exc_info(); sys.getsizeof([1]); sys.getrecursionlimit()
vars(); locals(); dir(c); sorted(dir(C))[:1]
def E(fn, *a, **k):
    try:
        fn(*a, **k)
    except Exception as ex:
        return type(ex)
E(struct.pack, "<i", "x"); E(struct.unpack, "<i", b"12"); E(struct.pack, "<i", 2**40)
E(array.array, "i", ["x"]); E(array.array("i").pop); E(array.array, "zz")
E(int, "12x"); E(int, "9" * 5000); E(float, "abc"); E(complex, "1+"); E(int, [1])
E("{}{}".format, 1); E("{a}".format); E("{:d}".format, "s"); E(format, 1, "q"); E("%d".__mod__, "s"); E("%s %s".__mod__, (1,))
E(dict.__getitem__, {}, []); E({}.pop, "x"); E(set().remove, 1); E([].pop); E([].remove, 1); E([1].index, 2); E((1,).index, 2)
E(sorted, [1, "a"]); E(min, []); E(max, [], key=len); E(sum, ["a"]); E(divmod, 1, 0); E(pow, 0, -1); E(round, "x")
E(getattr, object(), "nope"); E(setattr, 1, "x", 1); E(delattr, C(), "zz"); E(hash, []); E(iter, 5); E(next, iter([]))
E(K().__getattribute__, "a"); E(setattr, K(), "c", 1)
E(lambda: {}.update([1])); E(dict, [(1, 2, 3)]); E(lambda: [].extend(5)); E(lambda: "a" + 1); E(lambda: [1] * "x")
E(lambda: b"a".decode("ascii2")); E(lambda: "\xff".encode("ascii")); E(lambda: b"\xff".decode("utf-8")); E(bytes.fromhex, "zz")
E(lambda: itertools.islice([], -1)); E(lambda: list(itertools.chain(1))); E(lambda: list(map(int, ["x"]))); E(lambda: list(zip(1)))
E(lambda: list(filter(lambda v: 1 / 0, [1]))); E(lambda: [v for v in 5]); E(lambda: {v: v for v in [[1]]})
E(lambda: {[]: 1}); E(lambda: {[]} ); E(lambda: frozenset([[1]])); E(lambda: tuple(1))
E(lambda: dict(a=1).__setitem__([], 1)); E(lambda: (1, 2) < (1, "a")); E(lambda: [1, 2] < [1, "a"]); E(lambda: {1: 2} < {})
def mutate():
    d = {1: 1}
    for k in d:
        d[k + 1] = 1
E(mutate)
def mutate_set():
    st = {1}
    for k in st:
        st.add(k + 1)
E(mutate_set)
E(lambda: weakref.ref(1)); E(lambda: operator.itemgetter(5)([1])); E(lambda: collections.deque([1]).index(5))
E(functools.reduce, lambda a, b: a, []); E(lambda: math.sqrt(-1)); E(lambda: math.factorial(-1)); E(math.log, 0)
E(lambda: open("/nonexistent/x")); E(lambda: os.stat("/nonexistent")); E(lambda: os.listdir("/nonexistent"))
E(lambda: io.StringIO().read(-2) if False else io.StringIO(1)); E(lambda: io.BytesIO("s"))
E(lambda: sys._getframe(1000)); E(lambda: compile("(", "<s>", "exec")); E(lambda: eval("1 +")); E(lambda: exec("def f(:"))
E(lambda: type("X", (1,), {})); E(lambda: type("X", (), {}, 1)); E(lambda: super(int, "x"))
class BadEq:
    def __eq__(self, o): raise ValueError
    def __hash__(self): return 1
E(lambda: {BadEq(): 1, BadEq(): 2}); E(lambda: BadEq() in [BadEq()]); E(lambda: [BadEq()].index(BadEq()))
class BadHash:
    def __hash__(self): raise KeyError
E(lambda: {BadHash()}); E(lambda: {}.get(BadHash()))
class BadIter:
    def __iter__(self): return self
    def __next__(self): raise RuntimeError
E(list, BadIter()); E(tuple, BadIter()); E(set, BadIter()); E(dict.fromkeys, BadIter()); E("".join, BadIter()); E(sorted, BadIter())
class BadLen:
    def __len__(self): return -1
E(len, BadLen()); E(bool, BadLen())
class BadStr:
    def __str__(self): raise TypeError
    def __repr__(self): raise TypeError
E(str, BadStr()); E(repr, [BadStr()]); E(print, BadStr(), file=io.StringIO()); E("{}".format, BadStr()); E(lambda: f"{BadStr()}")
def gen_raise():
    yield 1
    raise ValueError
E(list, gen_raise()); E(lambda: [x for x in gen_raise()]); E(lambda: sum(gen_raise()))
E(lambda: (yield))
it1, it2 = itertools.tee([1, 2, 3]); list(it1); list(it2); list(itertools.zip_longest("ab", "c", fillvalue=0)); list(itertools.combinations("abc", 2)); list(itertools.combinations_with_replacement("ab", 2))
list(itertools.starmap(pow, [(2, 3)])); list(itertools.takewhile(lambda v: v < 2, [1, 2])); list(itertools.dropwhile(lambda v: v < 2, [1, 2])); list(itertools.compress("abc", [1, 0, 1])); list(itertools.pairwise("abcd")); list(itertools.filterfalse(None, [0, 1])); list(itertools.repeat("x", 3))
functools.cmp_to_key(lambda a, b: a - b)(1) < functools.cmp_to_key(lambda a, b: a - b)(2); sorted([3, 1], key=functools.cmp_to_key(lambda a, b: a - b))
cached = functools.lru_cache(maxsize=2)(lambda v: [v]); [cached(i % 5) for i in range(10)]; cached.cache_info(); cached.cache_clear()
pt = functools.partial(max, 1, key=None); pt(2); repr(pt); pt.args; pt.keywords
operator.add(1, 2); operator.getitem([1], 0); operator.setitem({}, 1, 2); operator.concat([1], [2]); operator.contains([1], 1); operator.index(5); operator.length_hint([1]); operator.attrgetter("real", "imag")(1j)
dq2 = collections.deque(range(10), maxlen=5); dq2.extend([1, 2]); dq2.extendleft([3]); dq2.popleft(); dq2.count(1); dq2.remove(3) if 3 in dq2 else None; dq2.copy(); dq2 * 2; dq2 + dq2; reversed(dq2); dq2[2]; dq2.clear()
collections.Counter("abcab") + collections.Counter("a"); collections.Counter(a=1).elements(); collections.namedtuple("P", "x y")(1, 2)._asdict() if False else None
od2 = collections.OrderedDict.fromkeys("abc"); od2.popitem(last=False); od2.move_to_end("b", last=False); list(reversed(od2)); od2 == collections.OrderedDict(); od2.copy()
abc.ABCMeta.register(AB, int) if False else None; AB.register(list); isinstance([], AB); issubclass(dict, AB); AB._abc_registry_clear() if hasattr(AB, "_abc_registry_clear") else None
wr3 = weakref.WeakValueDictionary(); wobj = W(); wr3["a"] = wobj; wr3.get("a"); list(wr3.items()); del wobj
ws3 = weakref.WeakSet(); wobj2 = W(); ws3.add(wobj2); len(ws3); wobj2 in ws3; del wobj2
wk3 = weakref.WeakKeyDictionary(); wobj3 = W(); wk3[wobj3] = 1; wk3.get(wobj3); del wobj3
class WM:
    def m(self): return 1
wmo = WM(); weakref.WeakMethod(wmo.m)(); weakref.finalize(wmo, lambda: None).detach(); weakref.proxy(wmo).m(); del wmo
a2 = array.array("d", [1.0, 2.0]); a2.extend([3.0]); a2.insert(0, 0.5); a2.reverse(); a2.index(2.0); a2.count(1.0); a2.byteswap(); a2.frombytes(a2.tobytes()); a2 * 2; a2 + a2; a2[::-1]; a2.buffer_info()[1]; list(a2); bytes(a2)
stc = struct.Struct("<hq"); stc.pack(1, 2); stc.unpack(stc.pack(1, 2)); list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")); struct.pack_into("<h", bytearray(2), 0, 5); struct.unpack_from("<h", b"\x01\x00")
heapq.merge([1, 3], [2]); list(heapq.merge([1, 3], [2])); heapq.heappushpop([1, 2], 0); heapq.heapreplace([1, 2], 3); heapq.nsmallest(1, [3, 1])
rr.getrandbits(100); rr.uniform(1, 2); rr.gauss(0, 1); rr.sample(range(10), 3); rr.getstate() and None; rr.seed(5); rr.choices([1, 2], k=3)
time.perf_counter(); time.process_time(); time.gmtime(); time.mktime(time.localtime(0)); time.asctime(time.gmtime(0)); time.ctime(0); time.time_ns(); time.get_clock_info("time").implementation
os.getenv("HOME"); os.path.splitext("a.b"); os.path.basename("/a/b"); os.path.isdir("/tmp"); os.path.abspath("x"); os.sep; os.urandom(4); os.cpu_count(); os.getuid(); os.strerror(2)
fd = os.open(SCRATCH, os.O_RDONLY); os.read(fd, 3); os.fstat(fd); os.lseek(fd, 0, 0); os.close(fd)
sys.intern("abc"); sys.getdefaultencoding(); sys.getfilesystemencoding(); sys.is_finalizing(); sys.exc_info(); sys.flags.optimize; sys.version_info[:2]; sys.maxsize; sys.float_info.max; sys.int_info
import gc; gc.get_referents([1]); gc.get_referrers(CONTROL_LEAK) and None; gc.is_tracked([]); gc.get_count(); gc.get_threshold(); gc.get_stats(); gc.isenabled()
import atexit; cbx = lambda: None; atexit.register(cbx); atexit.unregister(cbx)
import _thread; lk = _thread.allocate_lock(); lk.acquire(); lk.release(); _thread.get_ident(); rl = _thread.RLock(); rl.acquire(); rl.release()
import _string; list(_string.formatter_parser("a{0}b{x!r:>3}")); _string.formatter_field_name_split("a.b[0]")[0]
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("x", DeprecationWarning)
math.prod([1, 2]); math.comb(10, 3); math.perm(5, 2); math.isqrt(10**20); math.hypot(3, 4); math.dist([0, 0], [1, 1]); math.fsum([0.1] * 10); math.copysign(1, -0.0); math.frexp(3.0); math.modf(1.5); math.trunc(1.5); math.ceil(1.2); math.lcm(4, 6); math.nextafter(1, 2); math.ulp(1.0)
iter(lambda: 1, 1); list(iter([1, 2, None].pop, None)); __import__("math"); globals()["CONTROL_LEAK"] and None; round(2.675, 2); round(10**20, -5); pow(2, 100); bin(255); oct(8); hex(255); chr(1234); ord("é"); divmod(10**30, 7)
issubclass(bool, int); isinstance(1, (str, int)); hash(1.5); hash(10**40); hash(frozenset([1])); hash((1, "a")); id(None); type(None)(); object().__sizeof__(); slice(1, 2).indices(5); memoryview(b"abc").tolist(); memoryview(bytearray(b"ab")).cast("B")[0]
bytearray(b"abc").pop(); bytearray(5).zfill(8); bytearray(b"a b").split(); bytearray(b"abc").translate(None, b"a"); bytearray(b"x") * 3; bytearray(b"abc").find(b"c"); bytearray().join([b"a", b"b"])
"a,b,,c".split(","); "abc".rsplit("b", 1); "Hello World".swapcase(); "abc".title(); "  x ".strip(); "ab".zfill(5); "ab".ljust(5, "*"); "{:^9}".format("é"); "x".isidentifier(); "12".isdigit(); "a\tb".expandtabs(); "abc".startswith(("a", "b")); "aBc".casefold(); "abcabc".count("b"); "ab".rpartition("z"); "é".encode("utf-16"); "abc".removeprefix("a")
complex("1+2j"); abs(3 + 4j); (1 + 2j).conjugate(); (1j) ** 2; complex(1, 2) == 1 + 2j; format(1 + 2j, ".1f")
(10**50).bit_length(); (-(10**30)) % 7; (10**30) ** 3; int("ff", 16); int("0b101", 0); (255).to_bytes(2, "little", signed=False); (10**20).__format__(","); float(10**20); (2**64).__hash__(); int(1e20); (7).__round__(-1)
import sys; sys.getrefcount(1); sys.intern("hello" + str(1)); sys.exc_info(); sys._getframe().f_lineno
'''
WARM = 60
CONTROL_LEAK = []


def main():

    chunks = []
    cur = []
    for line in SNIPPETS.strip("\n").split("\n"):
        if line and not line[0].isspace() and cur and not cur[-1].rstrip().endswith(":") and not cur[-1].startswith("@") and not line.startswith(("except", "else", "finally")):
            chunks.append("\n".join(cur)); cur = []
        cur.append(line)
    if cur: chunks.append("\n".join(cur))
    N = 100
    ns = {"__name__": "snip", "CONTROL_LEAK": CONTROL_LEAK, SCRATCH: SCRATCH}
    for ch in chunks:
        try:
            code = compile(ch, "<snip>", "exec")
        except SyntaxError as e:
            print("SYNTAX", e, ch[:60])
            continue
        try:
            for i in range(WARM):
                exec(code, ns)  # warm
        except BaseException as e:
            print("ERR", type(e).__name__, e, "|", ch.split("\n")[0][:80])
            continue
        gc.collect(); gc.collect()
        b = sys.getallocatedblocks()
        for i in range(N):
            exec(code, ns)
        gc.collect(); gc.collect()
        d = sys.getallocatedblocks() - b
        if d > N // 4:
            # Again: a bounded cache filling up does not grow a second time.
            b = sys.getallocatedblocks()
            for i in range(N):
                exec(code, ns)
            gc.collect()
            gc.collect()
            d = sys.getallocatedblocks() - b
        if d > N // 4:
            print("LEAK %.2f/iter: %s" % (d / N, ch.split("\n")[0][:110]))
    print("done", len(chunks))
    if os.path.exists(SCRATCH):
        os.remove(SCRATCH)


main()
