//! The natcore native modules (`_weakref`, `itertools`, `_string`,
//! `_collections`, `_thread`, `_functools`, `_operator`, `_heapq`, `_bisect`, `_abc`) run from Python: each program's output is what
//! `/usr/bin/python3.11` gives for it (one test function: the runtime is
//! single-threaded).

use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::str::PyStr;

const WEAKREF: &str = r#"out = []
def print(*a):
    out.append(" ".join(str(x) for x in a))
import _weakref
class A: pass
a = A()
r = _weakref.ref(a)
print(r() is a, _weakref.getweakrefcount(a))
def cb(w): print("cb", w() is None)
r2 = _weakref.ref(a, cb)
print(r2 is r, r == r2, hash(r) == hash(a))
p = _weakref.proxy(a)
p.x = 5
print(a.x, p.x)
del a
print(r(), r2())
def f(): pass
rf = _weakref.ref(f); print(rf() is f)
rt = _weakref.ref(A); print(rt() is A)
class K(_weakref.ref):
    __slots__ = ('key',)
    def __new__(t, ob, cb, key):
        s = _weakref.ref.__new__(t, ob, cb); s.key = key; return s
    def __init__(self, ob, cb, key):
        super().__init__(ob, cb)
b = A()
k = K(b, None, 3); print(k.key, k() is b)
import _thread
l = _thread.allocate_lock()
with l: print(l.locked())
print(l.locked())


class B: pass
log = []
b = B()
refs = [_weakref.ref(b, lambda w, i=i: log.append(i)) for i in range(3)]
print(_weakref.getweakrefcount(b), len(_weakref.getweakrefs(b)))
del b
print(log)
s = set(); rs = _weakref.ref(s); print(rs() is s); del s; print(rs())
fs = frozenset([1]); print(_weakref.ref(fs)() == fs)
d = {}
class C: pass
c = C(); d['k'] = _weakref.ref(c); del c
_weakref._remove_dead_weakref(d, 'k'); print(d)
try: _weakref.ref(1)
except TypeError as e: print(e)
try: hash(_weakref.proxy(C()))
except TypeError as e: print(e)
cc = C(); pp = _weakref.proxy(cc); del cc
try: pp.x
except ReferenceError as e: print(e)
def boom(w): raise ValueError("x")
R = "\n".join(out)
"#;

const WEAKREF_EXPECTED: &str = r#"True 1
False True True
5 5
cb True
None None
True
True
3 True
True
False
3 3
[2, 1, 0]
True
None
True
{}
cannot create weak reference to 'int' object
unhashable type: 'weakref.ProxyType'
weakly-referenced object no longer exists"#;

const ITERTOOLS: &str = r#"out = []
def print(*a):
    out.append(" ".join(str(x) for x in a))
from itertools import *
import itertools
print(list(islice(count(5, 2), 4)), repr(count(3)), repr(count(1.5, 2)), repr(repeat('a', 3)))
print(list(islice(cycle('ab'), 5)), list(repeat(1, 3)))
print(list(accumulate([1,2,3,4])), list(accumulate([1,2,3], lambda a,b: a*b, initial=10)))
print(list(chain('ab', [1,2])), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('abcdef', [1,0,1,0,1,1])), list(dropwhile(lambda x: x<3, [1,2,3,1])), list(takewhile(lambda x: x<3, [1,2,3,1])))
print(list(filterfalse(None, [0,1,0,2])), [(k, list(g)) for k, g in groupby('aabbbc')])
print([(k, list(g)) for k, g in groupby([1,2,3,4,5], key=lambda x: x//2)])
print(list(islice('abcdefg', 2, None, 2)), list(islice('abcdefg', 3)), list(pairwise('abcd')))
print(list(starmap(pow, [(2,3),(3,2)])))
a, b = tee(iter([1,2,3]))
print(list(a), list(b))
print(list(zip_longest('ab', 'xyz', fillvalue='-')))
print(list(product('ab', range(2))), list(product([1,2], repeat=2)))
print(list(permutations('abc', 2)), list(combinations('abcd', 2)), list(combinations_with_replacement('abc', 2)))
print(list(permutations([])), list(combinations('ab', 3)), list(product()))
try: islice('a', -1)
except ValueError as e: print(e)
g = groupby('aab'); k, g1 = next(g); next(g); print(list(g1))
class C(chain): pass
print(list(C('ab','c')), type(count()).__name__)
R = "\n".join(out)
"#;

const ITERTOOLS_EXPECTED: &str = r#"[5, 7, 9, 11] count(3) count(1.5, 2) repeat('a', 3)
['a', 'b', 'a', 'b', 'a'] [1, 1, 1]
[1, 3, 6, 10] [10, 10, 20, 60]
['a', 'b', 1, 2] ['x', 'y', 'z']
['a', 'c', 'e', 'f'] [3, 1] [1, 2]
[0, 0] [('a', ['a', 'a']), ('b', ['b', 'b', 'b']), ('c', ['c'])]
[(0, [1]), (1, [2, 3]), (2, [4, 5])]
['c', 'e', 'g'] ['a', 'b', 'c'] [('a', 'b'), ('b', 'c'), ('c', 'd')]
[8, 9]
[1, 2, 3] [1, 2, 3]
[('a', 'x'), ('b', 'y'), ('-', 'z')]
[('a', 0), ('a', 1), ('b', 0), ('b', 1)] [(1, 1), (1, 2), (2, 1), (2, 2)]
[('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'a'), ('c', 'b')] [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')] [('a', 'a'), ('a', 'b'), ('a', 'c'), ('b', 'b'), ('b', 'c'), ('c', 'c')]
[()] [] [()]
Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
[]
['a', 'b', 'c'] count"#;

const STRING: &str = r#"out = []
def print(*a):
    out.append(" ".join(str(x) for x in a))
import _string
for f in ["a{{b}}c{0!r:>5}d{}", "x{a.b[0]:{w}}y", "}}", "{!s}", "plain", "", "{0[x].y}"]:
    print(list(_string.formatter_parser(f)))
for f in ["{", "}", "{0", "{0!", "{0!rx}", "{0:"]:
    try: print(list(_string.formatter_parser(f)))
    except ValueError as e: print(e)
a, b = _string.formatter_field_name_split("a.b[0][x].c"); print(a, list(b))
a, b = _string.formatter_field_name_split("12"); print(repr(a), list(b))
R = "\n".join(out)
"#;

const STRING_EXPECTED: &str = r#"[('a{', None, None, None), ('b}', None, None, None), ('c', '0', '>5', 'r'), ('d', '', '', None)]
[('x', 'a.b[0]', '{w}', None), ('y', None, None, None)]
[('}', None, None, None)]
[('', '', '', 's')]
[('plain', None, None, None)]
[]
[('', '0[x].y', '', None)]
Single '{' encountered in format string
Single '}' encountered in format string
expected '}' before end of string
end of string while looking for conversion specifier
expected ':' after conversion specifier
unmatched '{' in format spec
a [(True, 'b'), (False, 0), (False, 'x'), (True, 'c')]
12 []"#;

const COLLECTIONS: &str = r#"out = []
def print(*a):
    out.append(" ".join(str(x) for x in a))
from _collections import deque, defaultdict, _count_elements, _tuplegetter
d = deque([1,2,3])
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1])
d.rotate(2); print(d); d.rotate(-3); print(d)
print(d.pop(), d.popleft(), d)
d2 = deque('abcdef', maxlen=3); print(d2, d2.maxlen); d2.append('x'); print(d2); d2.appendleft('y'); print(d2)
d.extend([7,8]); d.extendleft([9,10]); print(d, d.count(7), d.index(7))
d.remove(7); d.insert(1, 'i'); print(d, list(reversed(d)), 8 in d)
d[0] = 'z'; del d[1]; print(d, d == deque(d), d < deque([]), deque([1]) + deque([2]), deque([1,2]) * 2)
try: deque().pop()
except IndexError as e: print(e)
try: d.index('nope')
except ValueError as e: print(e)
it = iter(d); d.append(1)
try: next(it)
except RuntimeError as e: print(e)
e = deque(); e.extend(e); print(e, bool(e), repr(deque(maxlen=2)))
dd = defaultdict(list); dd['a'].append(1); print(dd, dd.default_factory, dd['b'])
dd2 = defaultdict(); 
try: dd2['x']
except KeyError as e: print('KeyError', e)
print(repr(defaultdict(int, a=1)), dd.copy(), type(dd | {'c': 3}).__name__)
try: defaultdict(1)
except TypeError as e: print(e)
c = {}; _count_elements(c, 'abracadabra'); print(c)
class P(tuple):
    x = _tuplegetter(0, 'doc x')
print(P((5,6)).x, P.x.__doc__)
a = deque([1,2,3]); a += [4]; print(a); a *= 2; print(a, a.copy())
R = "\n".join(out)
"#;

const COLLECTIONS_EXPECTED: &str = r#"deque([0, 1, 2, 3, 4]) 5 0 4
deque([3, 4, 0, 1, 2])
deque([1, 2, 3, 4, 0])
0 1 deque([2, 3, 4])
deque(['d', 'e', 'f'], maxlen=3) 3
deque(['e', 'f', 'x'], maxlen=3)
deque(['y', 'e', 'f'], maxlen=3)
deque([10, 9, 2, 3, 4, 7, 8]) 1 5
deque([10, 'i', 9, 2, 3, 4, 8]) [8, 4, 3, 2, 9, 'i', 10] True
deque(['z', 9, 2, 3, 4, 8]) True False deque([1, 2]) deque([1, 2, 1, 2])
pop from an empty deque
'nope' is not in deque
deque mutated during iteration
deque([]) False deque([], maxlen=2)
defaultdict(<class 'list'>, {'a': [1], 'b': []}) <class 'list'> []
KeyError 'x'
defaultdict(<class 'int'>, {'a': 1}) defaultdict(<class 'list'>, {'a': [1], 'b': []}) defaultdict
first argument must be callable or None
{'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}
5 doc x
deque([1, 2, 3, 4])
deque([1, 2, 3, 4, 1, 2, 3, 4]) deque([1, 2, 3, 4, 1, 2, 3, 4])"#;

const FUNCTOOLS_THREAD: &str = r#"_out = []
def print(*a):
    _out.append(" ".join(str(x) for x in a))
import _functools as ft
p = ft.partial(pow, 2, mod=None); print(repr(p), p(5))
class C:
    def __init__(self, *a, **k): self.a = a; self.k = k
try: ft.reduce(lambda a,b:a, [])
except TypeError as e: print(e)
try: ft.partial()
except TypeError as e: print(e)
try: ft.partial(1)
except TypeError as e: print(e)
q = ft.partial(ft.partial(C, 2, x=1), 3, y=2); print(q.args, q.keywords, q(4, x=5).k, q(4).a)
k = ft.cmp_to_key(lambda a,b: a-b); print(k(1) < k(2), k(3) < k(2))
try: hash(k(1))
except TypeError as e: print(e)
print(ft.reduce(lambda a, b: a*b, range(1, 6)), ft.reduce(lambda a,b:a+b, [], 7))
print(sorted([3,1,2], key=ft.cmp_to_key(lambda a, b: b - a)))
class P(ft.partial): pass
print(P(len, 'abc')())
import _thread
l = _thread.allocate_lock()
print(l.acquire(), l.acquire(False), l.locked()); l.release(); print(l.locked())
try: l.release()
except RuntimeError as e: print(e)
r = _thread.RLock()
with r:
    with r: print(r._is_owned())
print(r._is_owned())
try: r.release()
except RuntimeError as e: print(e)
loc = _thread._local(); loc.x = 3; print(loc.x)
R = "\n".join(_out)
"#;

const FUNCTOOLS_THREAD_EXPECTED: &str = r#"functools.partial(<built-in function pow>, 2, mod=None) 32
reduce() of empty iterable with no initial value
type 'partial' takes at least one argument
the first argument must be callable
(2, 3) {'x': 1, 'y': 2} {'x': 5, 'y': 2} (2, 3, 4)
True False
unhashable type: 'functools.KeyWrapper'
120 7
[3, 2, 1]
3
True False True
False
release unlocked lock
True
False
cannot release un-acquired lock
3"#;

const HEAPQ_BISECT: &str = r#"_out = []
def print(*a):
    _out.append(" ".join(str(x) for x in a))
import _heapq as h, _bisect as b
data = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0]
l = list(data); h.heapify(l); print(l)
out = [h.heappop(l) for _ in range(len(l))]; print(out)
l = []
for x in data: h.heappush(l, x)
print(l, h.heappushpop(l, -1), h.heappushpop(l, 100), l, h.heapreplace(l, 50), l)
m = list(data); h._heapify_max(m); print(m, h._heappop_max(m), h._heapreplace_max(m, 3), m)
for f, a in [(h.heappush, ((), 1)), (h.heappop, ([],)), (h.heapreplace, ([], 1))]:
    try: f(*a)
    except (TypeError, IndexError) as e: print(type(e).__name__, e)
s = [1, 2, 2, 3, 5]
print(b.bisect_left(s, 2), b.bisect_right(s, 2), b.bisect_left(s, 2, 2), b.bisect_right(s, 2, 0, 2), b.bisect_left(s, 4, hi=None))
print(b.bisect_left([(1,'a'),(3,'b')], 2, key=lambda t: t[0]))
b.insort_left(s, 4); b.insort_right(s, 2); print(s)
r = [(1,'a'),(3,'b')]; b.insort(r, (2, 'c'), key=lambda t: t[0]) if hasattr(b, 'insort') else b.insort_right(r, (2,'c'), key=lambda t: t[0]); print(r)
try: b.bisect_left(s, 1, -1)
except ValueError as e: print(e)
import heapq, bisect
R = "\n".join(_out)
"#;

const HEAPQ_BISECT_EXPECTED: &str = r#"[0, 1, 2, 4, 3, 8, 7, 5, 6, 9]
[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
[2, 3, 7, 4, 9, 8, 50, 5, 6, 100] -1 0 [2, 3, 7, 4, 9, 8, 50, 5, 6, 100] 1 [2, 3, 7, 4, 9, 8, 50, 5, 6, 100]
[7, 6, 3, 5, 3, 2, 0, 4, 1] 9 8 [7, 6, 3, 5, 3, 2, 0, 4, 1]
TypeError heappush() argument 1 must be list, not tuple
IndexError index out of range
IndexError index out of range
1 3 2 2 4
1
[1, 2, 2, 2, 3, 4, 5]
[(1, 'a'), (2, 'c'), (3, 'b')]
lo must be non-negative"#;

const OPERATOR: &str = r#"_out = []
def print(*a):
    _out.append(" ".join(str(x) for x in a))
import _operator as o
try: o.add(1)
except TypeError as e: print(e)
print(repr(o.itemgetter(1)), repr(o.itemgetter(1,'a')), repr(o.attrgetter('a.b','c')), repr(o.methodcaller('f', 1, k=2)))
try: o.itemgetter()
except TypeError as e: print(e)
try: o.attrgetter(1)
except TypeError as e: print(e)
try: o._compare_digest('a', b'a')
except TypeError as e: print(e)
try: o._compare_digest('é', 'é')
except TypeError as e: print(e)
print(o._compare_digest(b'abc', b'abc'), o._compare_digest(b'abc', b'abd'), o._compare_digest('ab', 'abc'), o._compare_digest(bytearray(b'x'), b'x'))
print(o.add(1, 2), o.sub(5, 3), o.neg(4), o.not_(0), o.truth([1]), o.is_(None, None), o.getitem([1,2], 1), o.contains('abc', 'b'), o.pow(2, 10), o.lt(1, 2), o.index(5))
class A: pass
a = A(); a.b = A(); a.b.c = 7; a.d = 1
print(o.itemgetter(0)([9]), o.itemgetter(0, 2)('abc'), o.attrgetter('b.c')(a), o.attrgetter('d', 'b.c')(a), o.methodcaller('split', ',', maxsplit=1)('a,b,c'))
l = [1, 2]; o.setitem(l, 0, 5); o.delitem(l, 1); print(l, o.iadd([1], [2]))
print(o.itemgetter(1).__reduce__(), o.methodcaller('x', 1).__reduce__())
import operator
R = "\n".join(_out)
"#;

const OPERATOR_EXPECTED: &str = r#"add expected 2 arguments, got 1
operator.itemgetter(1) operator.itemgetter(1, 'a') operator.attrgetter('a.b', 'c') operator.methodcaller('f', 1, k=2)
itemgetter expected 1 argument, got 0
attribute name must be a string
a bytes-like object is required, not 'str'
comparing strings with non-ASCII characters is not supported
True False False True
3 2 -4 True True True 2 True 1024 True 5
9 ('a', 'c') 7 (1, 7) ['a', 'b,c']
[5] [1, 2]
(<class 'operator.itemgetter'>, (1,)) (<class 'operator.methodcaller'>, ('x', 1))"#;

const ABC: &str = r#"_out = []
def print(*a):
    _out.append(" ".join(str(x) for x in a))
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @property
    @abc.abstractmethod
    def p(self): pass
class B(A):
    def f(self): return 1
class C(B):
    p = 3
print(sorted(A.__abstractmethods__), sorted(B.__abstractmethods__), C.__abstractmethods__)
for k in (A, B):
    try: k()
    except TypeError as e: print(e)
print(C().f(), isinstance(C(), A), issubclass(C, A), issubclass(int, A))
class R: pass
A.register(R)
print(issubclass(R, A), isinstance(R(), A), issubclass(R, B))
try: A.register(1)
except TypeError as e: print(e)
try: R.register
except AttributeError as e: print("no register")
class H(abc.ABC):
    @classmethod
    def __subclasshook__(cls, o):
        return True if hasattr(o, 'quack') else NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, H), isinstance(Duck(), H), issubclass(int, H))
t = abc.get_cache_token(); H.register(int); print(abc.get_cache_token() == t + 1, issubclass(int, H))
try: issubclass(1, H)
except TypeError as e: print(e)
try: A.register(A) if False else B.register(A)
except RuntimeError as e: print(e)
H._abc_caches_clear(); H._abc_registry_clear(); print(issubclass(int, H))
print(len(H._abc_registry_clear.__name__))
class M(abc.ABCMeta): pass
class X(metaclass=M):
    @abc.abstractmethod
    def g(self): pass
print(type(X).__name__, list(X.__abstractmethods__), '_abc_impl' in X.__dict__)
R = "\n".join(_out)
"#;

const ABC_EXPECTED: &str = r#"['f', 'p'] ['p'] frozenset()
Can't instantiate abstract class A with abstract methods f, p
Can't instantiate abstract class B with abstract method p
1 True True False
True True False
Can only register classes
no register
True True False
True True
issubclass() arg 1 must be a class
Refusing to create an inheritance cycle
False
19
M ['g'] True"#;

fn run(program: &str, expected: &str) {
    let code = taipan_vm::run::compile_source(program.as_bytes(), "<natcore>").unwrap();
    let globals = PyDict::new().unwrap();
    let g = globals.downcast::<PyDict>().unwrap();
    g.set_str("__name__", PyStr::new("__main__").unwrap())
        .unwrap();
    if let Err(e) = taipan_vm::run::exec_code(&code, &globals, None) {
        panic!("{}", taipan_vm::run::format_exception(e.value()));
    }
    let r = g.get_str("R").unwrap().unwrap();
    let got = r.downcast::<PyStr>().unwrap().as_str().to_owned();
    for (i, (a, b)) in got.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, b, "line {}", i + 1);
    }
    assert_eq!(got, expected);
}

#[test]
fn natcore_modules_in_python() {
    taipan_vm::interp::initialize().unwrap();
    run(WEAKREF, WEAKREF_EXPECTED);
    run(ITERTOOLS, ITERTOOLS_EXPECTED);
    run(STRING, STRING_EXPECTED);
    run(COLLECTIONS, COLLECTIONS_EXPECTED);
    run(FUNCTOOLS_THREAD, FUNCTOOLS_THREAD_EXPECTED);
    run(HEAPQ_BISECT, HEAPQ_BISECT_EXPECTED);
    run(OPERATOR, OPERATOR_EXPECTED);
    run(ABC, ABC_EXPECTED);
}
