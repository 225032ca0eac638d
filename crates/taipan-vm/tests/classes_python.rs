//! Classes defined in Python, end to end (compiled and run by the evaluation
//! loop): inheritance and `super()`, dunder slots, property, classmethod,
//! staticmethod, `__slots__`, `__del__`, metaclasses, `__init_subclass__`,
//! `__set_name__`, subclasses of built-ins, `__instancecheck__`,
//! `__class__` assignment, MRO errors, slots updated after assignment.
//! The expected text is what `/usr/bin/python3.11` prints for the program.

use taipan_vm::object::*;
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::str::PyStr;

const PROGRAM: &str = r#"out = []
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

const EXPECTED: &str = r#"A(1) A(2) A(3) True 20 (<class '__main__.B'>, <class '__main__.A'>, <class 'object'>) B
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

#[test]
fn classes_in_python() {
    taipan_vm::interp::initialize().unwrap();
    let code = taipan_vm::run::compile_source(PROGRAM.as_bytes(), "<classes>").unwrap();
    let globals = PyDict::new().unwrap();
    let g = globals.downcast::<PyDict>().unwrap();
    g.set_str("__name__", PyStr::new("__main__").unwrap())
        .unwrap();
    if let Err(e) = taipan_vm::run::exec_code(&code, &globals, None) {
        panic!("{}", taipan_vm::run::format_exception(e.value()));
    }
    let r = g.get_str("R").unwrap().unwrap();
    let got = r.downcast::<PyStr>().unwrap().as_str().to_owned();
    for (i, (a, b)) in got.lines().zip(EXPECTED.lines()).enumerate() {
        assert_eq!(a, b, "line {}", i + 1);
    }
    assert_eq!(got, EXPECTED);
}
