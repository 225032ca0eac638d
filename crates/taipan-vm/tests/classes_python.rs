//! Classes defined in Python, end to end (compiled and run by the evaluation
//! loop): inheritance and `super()`, dunder slots, property, classmethod,
//! staticmethod, `__slots__`, `__del__`, metaclasses, `__prepare__`,
//! `__init_subclass__`, `__set_name__`, subclasses of built-ins (tuple, str,
//! int, list, dict), `__instancecheck__`, `__class__` assignment, MRO errors,
//! slots updated after assignment, `int | None`. The expected text is what
//! `/usr/bin/python3.11` gives for each program (one test function: the
//! runtime is single-threaded).

use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::str::PyStr;

const PROGRAM_0: &str = r#"out = []
def p(*a):
    out.append(" ".join(str(x) for x in a))

class A:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"A({self.x})"
    def __add__(self, o): return A(self.x + o.x)
    def __eq__(self, o): return isinstance(o, A) and self.x == o.x
    def get(self): return self.x
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def get(self): return super().get() * 10
a = A(1); b = B(2, 3)
p(repr(a), repr(b), repr(a + b), a == A(1), b.get(), B.__mro__, B.__name__)
try: hash(a)
except TypeError as e: p(e)

class P:
    def __init__(self): self._v = 0
    @property
    def v(self):
        "the v"
        return self._v
    @v.setter
    def v(self, val): self._v = val
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def st(x): return x * 2
q = P.make(); q.v = 5
p(q.v, P.v.__doc__, P.st(4), q.st(5))
try: del q.v
except AttributeError as e: p(e)

class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1
try: s.c = 3
except AttributeError as e: p(s.a, e)
try: s.b
except AttributeError as e: p(e)

class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
p(list(It()))

class D:
    def __del__(self): p("del")
d = D(); del d
p(int.__add__(2, 3), object.__init__, type((5).__add__).__name__)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['tag'] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class M(metaclass=Meta): pass
p(M.tag, type(M))
class Base:
    subs = []
    def __init_subclass__(cls, **kw):
        Base.subs.append((cls.__name__, kw))
class C1(Base, k=1): pass
p(Base.subs)
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, typ=None): return "got " + self.name
class U:
    z = Desc()
p(U().z, U.z)
class V(list):
    def __len__(self): return 42
p(len(V()), isinstance(V(), list), issubclass(V, list))
class MyInt(int):
    def __add__(self, o): return "added"
p(MyInt(3) + 1, 1 + MyInt(3), MyInt(5) * 2, repr(MyInt(7)))
class Rev:
    def __radd__(self, o): return f"radd {o}"
p(1 + Rev())
class MetaCheck(type):
    def __instancecheck__(cls, inst): return inst == 7
    def __subclasscheck__(cls, sub): return sub is int
class Anything(metaclass=MetaCheck): pass
p(isinstance(7, Anything), isinstance(8, Anything), issubclass(int, Anything), issubclass(str, Anything))
def outer():
    class Inner: pass
    return Inner
p(outer().__qualname__, outer())
class X: pass
class Y: pass
x = X(); x.__class__ = Y
p(type(x).__name__)
try: x.__class__ = int
except TypeError as e: p(e)
try:
    class Z(X, Y, X): pass
except TypeError as e: p(e)
class L1(X, Y): pass
class L2(Y, X): pass
try:
    class L3(L1, L2): pass
except TypeError as e: p(e)
T = type('T', (X,), {'k': 1, '__module__': 'm'})
p(T, T.k, T.__bases__, T.__base__)
class Logged:
    def __getattribute__(self, name):
        if name == 'magic': return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name): return "missing " + name
p(Logged().magic, Logged().other)
class Late: pass
lt = Late()
Late.__len__ = lambda self: 7
p(len(lt))
del Late.__len__
try: len(lt)
except TypeError as e: p(e)
R = "\n".join(out)
"#;

const EXPECTED_0: &str = r#"A(1) A(2) A(3) True 20 (<class '__main__.B'>, <class '__main__.A'>, <class 'object'>) B
unhashable type: 'A'
5 the v 8 10
property 'v' of 'P' object has no deleter
1 'S' object has no attribute 'c'
'S' object has no attribute 'b'
[1, 2, 3]
del
5 <slot wrapper '__init__' of 'object' objects> method-wrapper
m <class '__main__.Meta'>
[('C1', {'k': 1})]
got z got z
42 True True
added 4 10 7
radd 1
True False True False
outer.<locals>.Inner <class '__main__.outer.<locals>.Inner'>
Y
__class__ assignment only supported for mutable types or ModuleType subclasses
duplicate base class X
Cannot create a consistent method resolution
order (MRO) for bases X, Y
<class 'm.T'> 1 (<class '__main__.X'>,) <class '__main__.X'>
42 missing other
7
object of type 'Late' has no len()"#;

const PROGRAM_1: &str = r#"out = []
def print(*a):
    out.append(' '.join(str(x) for x in a))
class Pt(tuple):
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    def __repr__(self): return f"Pt{tuple.__repr__(self)}"
pt = Pt(1, 2)
print(pt, pt.x, len(pt), pt + (3,), isinstance(pt, tuple))

class Name(str):
    def shout(self): return self.upper() + "!"
n = Name("hi")
n.extra = 1
print(n.shout(), n + "x", n.extra, type(n + "x").__name__)

class Num(int):
    def __new__(cls, v, tag="t"):
        o = super().__new__(cls, v)
        o.tag = tag
        return o
print(Num(5) + 1, Num(5, "q").tag, Num(7) == 7, hash(Num(7)) == hash(7))

class Base:
    def __init__(self, a): self.a = a
try:
    Base(1, 2)
except TypeError as e:
    print(e)
class NoInit: pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
class BadInit:
    def __init__(self): return 1
try:
    BadInit()
except TypeError as e:
    print(e)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self): return -1
try:
    len(NegLen())
except ValueError as e:
    print(e)
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print(e)
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(e)
class HashEq:
    def __eq__(self, o): return True
    def __hash__(self): return 5
print(hash(HashEq()))
class StrOnly:
    def __repr__(self): return "R"
print(str(StrOnly()), f"{StrOnly()}")

class CM:
    @classmethod
    def make(cls): return cls.__name__
class CM2(CM):
    @classmethod
    def make(cls): return "2" + super().make()
print(CM2.make(), CM2().make())

class MC(type):
    def __call__(cls, *a):
        return ("called", cls.__name__, a)
class WithMC(metaclass=MC): pass
print(WithMC(1, 2))

class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        d = {'injected': 1}
        return d
class UsesPrep(metaclass=Prep): pass
print(UsesPrep.injected)

class Slot1:
    __slots__ = ('a',)
class Slot2(Slot1):
    __slots__ = ('b',)
s2 = Slot2(); s2.a = 1; s2.b = 2
print(s2.a, s2.b, Slot2.__slots__, hasattr(s2, '__dict__'))

class Outer:
    class Inner:
        def m(self): return __class__
print(Outer.Inner.__qualname__, Outer.Inner().m())

class V:
    def __init__(self): self.a = 1
v = V()
print(vars(v), v.__dict__)
v.__dict__ = {'z': 3}
print(v.z)

class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise E(3)
except E as e:
    print(e, e.code, e.args)

class PS(property):
    pass
class UsesPS:
    @PS
    def p(self): return 5
print(UsesPS().p, type(UsesPS.__dict__['p']).__name__)

class G:
    def __getattr__(self, n):
        if n == 'x': return 1
        raise AttributeError(n)
print(G().x, getattr(G(), 'y', 'dflt'))

class Ord:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"O{self.v}"
print(sorted([Ord(3), Ord(1), Ord(2)]), max([Ord(3), Ord(5)]))

class Cont:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
print(list(Cont()), 2 in Cont(), 5 in Cont())

class SetItem:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __getitem__(self, k): return self.d[k]
si = SetItem(); si['a'] = 1; si['b'] = 2; del si['a']
print(si.d, si['b'])

class WithSetName:
    def __set_name__(self, owner, name):
        raise ValueError("nope")
try:
    class Fails:
        attr = WithSetName()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

print(type.__dict__['__name__'], type(int.__dict__))
class Q: pass
print(Q.__dict__['__module__'], '__dict__' in Q.__dict__, '__weakref__' in Q.__dict__)
print(type(Q.__dict__['__dict__']).__name__)

R = '\n'.join(out)
"#;

const EXPECTED_1: &str = r#"Pt(1, 2) 1 2 (1, 2, 3) True
HI! hix 1 str
6 q True True
Base.__init__() takes 2 positional arguments but 3 were given
NoInit() takes no arguments
__init__() should return None, not 'int'
__bool__ should return bool, returned int
__len__() should return >= 0
'NoIter' object is not iterable
unhashable type: 'NoHash'
5
R R
2CM2 2CM2
('called', 'WithMC', (1, 2))
1
1 2 ('b',) False
Outer.Inner <class '__main__.Outer.Inner'>
{'a': 1} {'a': 1}
3
code 3 3 ('code 3',)
5 PS
1 dflt
[O1, O2, O3] O5
[0, 1, 2] True False
{'b': 2} 2
RuntimeError Error calling __set_name__ on 'WithSetName' instance 'attr' in 'Fails' ValueError
<attribute '__name__' of 'type' objects> <class 'mappingproxy'>
__main__ True True
getset_descriptor"#;

const PROGRAM_2: &str = r#"out = []
def print(*a):
    out.append(' '.join(str(x) for x in a))
u = int | None
print(u, type(u), u.__args__, (int|str) == (str|int), int|int, isinstance(3, int|str), issubclass(bool, int|str), (int|str)|float, None|int, hash(int|str)==hash(str|int))
try: int | 3
except TypeError as e: print(e)
def f(x: int | None = None) -> str | None: return x
print(f(2), f.__annotations__)

R = '\n'.join(out)
"#;

const EXPECTED_2: &str = r#"int | None <class 'types.UnionType'> (<class 'int'>, <class 'NoneType'>) True <class 'int'> True True int | str | float None | int True
unsupported operand type(s) for |: 'type' and 'int'
2 {'x': int | None, 'return': str | None}"#;

const PROGRAM_3: &str = r#"out = []
def print(*a):
    out.append(' '.join(str(x) for x in a))
class A: pass
A.__abstractmethods__ = frozenset({'g', 'f'})
try: A()
except TypeError as e: print(e)
class P:
    def __init__(self): self.x = 1; self.l = [1, 2]
p = P()
r = p.__reduce_ex__(2)
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 5
print(r[0].__name__, r[1][0] is P, r[2], r[3] is None, r[4] is None)
print(s.__reduce_ex__(4)[2][1], p.__getstate__(), S().__getstate__() is None)

R = '\n'.join(out)
"#;

const EXPECTED_3: &str = r#"Can't instantiate abstract class A with abstract methods f, g
__newobj__ True {'x': 1, 'l': [1, 2]} True True
{'a': 5} {'x': 1, 'l': [1, 2]} True"#;

const PROGRAM_4: &str = r#"out = []
def print(*a):
    out.append(' '.join(str(x) for x in a))
class M(type):
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.kw = kw
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    @classmethod
    def describe(mcls): return mcls.__name__
class A(metaclass=M, flag=1): pass
print(A.kw, M.describe(), type(A).describe())

class Root:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.marks = kw
class Mid(Root, color="red"): pass
print(Mid.marks)

class Pr:
    def __init__(self): self._x = 1
    def gx(self): return self._x
    def dx(self): del self._x; print("deleted")
    x = property(gx, None, dx, "doc x")
p = Pr(); del p.x
print(Pr.x.__doc__, hasattr(p, '_x'))

class W:
    __slots__ = ('a', '__weakref__')
print('__weakref__' in W.__dict__, W().__weakref__ is None)

class E1:
    def __eq__(self, o): return True
    def __hash__(self): return 1
class E2(E1):
    def __eq__(self, o): return False
try:
    hash(E2())
except TypeError as e:
    print(e)
print(hash(E1()))

class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return "Num.add"
    def __radd__(self, o): return "Num.radd"
class Sub(Num):
    def __radd__(self, o): return "Sub.radd"
print(Num(1) + Sub(2), Sub(1) + Num(2), 1 + Sub(1))

class Gen:
    def __iter__(self):
        yield 1
        yield 2
print(list(Gen()), sum(Gen()))

class Dsc:
    def __get__(self, obj, cls):
        return ("inst" if obj is not None else "class", cls.__name__)
class HasDsc:
    d = Dsc()
print(HasDsc.d, HasDsc().d)

class Deco:
    def __init__(self, f): self.f = f
    def __call__(self, *a): return self.f(*a) * 2
@Deco
def dbl(x): return x + 1
print(dbl(3))

class DA:
    def hello(self): return ["DA"]
class DB(DA):
    def hello(self): return ["DB"] + super().hello()
class DC(DA):
    def hello(self): return ["DC"] + super().hello()
class DD(DB, DC):
    def hello(self): return ["DD"] + super().hello()
print(DD().hello(), [c.__name__ for c in DD.mro()])

class Cls:
    x = 1
    def m(self): return self.x
c = Cls(); c.x = 5
print(c.m(), Cls.m(c), Cls.x, Cls().m())
Cls.m = lambda self: "patched"
print(c.m())
class Str:
    def __str__(self): return "S!"
    def __format__(self, spec): return "F" + spec
print(str(Str()), f"{Str():abc}", "{}".format(Str()))
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], hex(Idx()), bin(Idx()))
class Ctx:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0]); return True
with Ctx() as cx:
    raise ValueError
print("ok")
print(issubclass(bool, (str, int)), isinstance(True, (str,)), isinstance(1, (int, str) ))
print(object.__name__, int.__qualname__, type.__module__, A.__module__)
print(type('X', (), {}).__module__)

R = '\n'.join(out)
"#;

const EXPECTED_4: &str = r#"{'flag': 1} M M
{'color': 'red'}
deleted
doc x False
True True
unhashable type: 'E2'
1
Sub.radd Num.add Sub.radd
[1, 2] 3
('class', 'HasDsc') ('inst', 'HasDsc')
8
['DD', 'DB', 'DC', 'DA'] ['DD', 'DB', 'DC', 'DA', 'object']
5 5 1 1
patched
S! Fabc F
30 0x2 0b10
enter
exit <class 'ValueError'>
ok
True False True
object int builtins __main__
__main__"#;

const PROGRAM_5: &str = r#"out = []
def print(*a):
    out.append(' '.join(str(x) for x in a))
class MyInt(int): pass
print('__weakref__' in MyInt.__dict__, '__dict__' in MyInt.__dict__)
try:
    class Q(int): __slots__ = ('a',)
except TypeError as e: print(e)
try:
    class Q(str): __slots__ = ('a',)
except TypeError as e: print(e)
class R(str): __slots__ = ()
print(R("x") + "y", hasattr(R("x"), '__dict__'))
m = MyInt(5); m.a = 1; print(m + 1, m.a, m.__dict__)
for i in range(100):
    s = type('S%d' % i, (str,), {})("abc" * i)
    s.attr = i
    assert s.attr == i and len(s) == 3 * i
print("ok")
class SS(str): __slots__ = ('a', 'b')
x = SS("hello"); x.a = 1; x.b = [2]
print(x, x.a, x.b, x.upper(), len(x))

R = '\n'.join(out)
"#;

const EXPECTED_5: &str = r#"False True
nonempty __slots__ not supported for subtype of 'int'
xy False
6 1 {'a': 1}
ok
hello 1 [2] HELLO 5"#;

fn run(program: &str, expected: &str) {
    let code = taipan_vm::run::compile_source(program.as_bytes(), "<classes>").unwrap();
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
fn classes_in_python() {
    taipan_vm::interp::initialize().unwrap();
    run(PROGRAM_0, EXPECTED_0);
    run(PROGRAM_1, EXPECTED_1);
    run(PROGRAM_2, EXPECTED_2);
    run(PROGRAM_3, EXPECTED_3);
    run(PROGRAM_4, EXPECTED_4);
    run(PROGRAM_5, EXPECTED_5);
}
