//! Coroutines, async generators, generator finalization and `except*`, end
//! to end (compiled and run by the evaluation loop). The expected text is
//! what `/usr/bin/python3.11` gives for each program.

use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::str::PyStr;

const PROGRAM_0: &str = r#"out = []
def p(*a):
    out.append(" ".join(str(x) for x in a))
async def add(a, b):
    return a + b
class Aw:
    def __await__(self):
        x = yield "step"
        return x
async def main():
    r = await add(1, 2)
    s = await Aw()
    return r, s
c = main()
p(type(c).__name__, c.__name__, c.cr_running, c.cr_await)
p(c.send(None), type(c.cr_await).__name__)
try:
    c.send("sent")
except StopIteration as e:
    p("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    p(e)
async def bad(o):
    await o
for o in [1, Aw()]:
    try:
        bad(o).send(None)
    except TypeError as e:
        p(e)
    except StopIteration:
        p("stop")
async def thrower():
    try:
        await Aw()
    except ValueError as e:
        return "caught " + str(e)
t = thrower()
t.send(None)
try:
    t.throw(ValueError("v"))
except StopIteration as e:
    p(e.value)
async def agen():
    try:
        x = yield 1
        p("agen got", x)
        yield 2
    finally:
        p("agen finally")
def drive(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "SAI"
a = agen()
p(drive(a.__anext__()), drive(a.asend("hi")), drive(a.aclose()), drive(a.__anext__()))
async def comp():
    async def gen():
        for i in range(3):
            yield i
    return [x * 10 async for x in gen()]
p(drive(comp()))
def g():
    try:
        yield 1
    finally:
        p("gen finally")
it = g()
next(it)
del it
def ret():
    return (1, 2)
    yield
try:
    next(ret())
except StopIteration as e:
    p(e.value, e.args)
R = '\n'.join(out)
"#;

const EXPECTED_0: &str = r#"coroutine main False None
step generator
result (3, 'sent')
cannot reuse already awaited coroutine
object int can't be used in 'await' expression
caught v
agen got hi
agen finally
1 2 None SAI
[0, 10, 20]
gen finally
(1, 2) ((1, 2),)"#;

const PROGRAM_1: &str = r#"out = []
def p(*a):
    out.append(" ".join(str(x) for x in a))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        p("V", repr(e))
    except* TypeError as e:
        p("T", repr(e))
        raise
except ExceptionGroup as e:
    p("outer", repr(e))
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        p("naked", repr(e))
        raise RuntimeError("new")
except Exception as e:
    p(type(e).__name__, repr(e), repr(e.__context__))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    p(e)
R = '\n'.join(out)
"#;

const EXPECTED_1: &str = r#"V ExceptionGroup('eg', [ValueError(1)])
T ExceptionGroup('eg', [TypeError(2)])
outer ExceptionGroup('eg', [TypeError(2), KeyError(3)])
naked ExceptionGroup('', (ValueError('naked'),))
RuntimeError RuntimeError('new') ExceptionGroup('', (ValueError('naked'),))
catching ExceptionGroup with except* is not allowed. Use except instead."#;

const PROGRAM_2: &str = r#"out = []
def print(*a):
    out.append(" ".join(str(x) for x in a))
import types
class Y:
    def __await__(self):
        v = yield "Y"
        return v
async def inner():
    return await Y()
async def waiter(c):
    return await c
c = inner()
w1 = waiter(c)
print(w1.send(None))
w2 = waiter(c)
try:
    w2.send(None)
except RuntimeError as e:
    print(e)
try:
    w1.send("v")
except StopIteration as e:
    print("w1", e.value)
async def running():
    print("running", cr.cr_running, cr.cr_frame is not None)
    return 1
cr = running()
try: cr.send(None)
except StopIteration: pass
class AC:
    async def __aenter__(self):
        print("enter")
        return "val"
    async def __aexit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
async def use():
    async with AC() as v:
        print("body", v)
        raise KeyError("k")
    print("after")
    return "done"
try: use().send(None)
except StopIteration as e: print(e.value)
async def agen():
    for i in range(5):
        try:
            yield i
        finally:
            print("fin", i)
async def consume():
    async for x in agen():
        if x == 2:
            break
        print("x", x)
    return "ok"
try: consume().send(None)
except StopIteration as e: print(e.value)
print("after consume")
async def agen_await():
    v = await Y()
    yield v
a = agen_await()
n = a.__anext__()
print(n.send(None), a.ag_running, type(a.ag_await).__name__)
try: n.send("sent")
except StopIteration as e: print("val", e.value)
try: n.send(None)
except RuntimeError as e: print(e)
@types.coroutine
def tc():
    x = yield "tc"
    return x
async def use_tc():
    return await tc()
u = use_tc()
print(u.send(None))
try: u.send(5)
except StopIteration as e: print(e.value)
def plain():
    yield from tc()
print(list(plain()))
def not_coro_gen():
    yield 1
async def aw_gen():
    await not_coro_gen()
try: aw_gen().send(None)
except TypeError as e: print(e)
async def ae():
    yield 1
g = ae()
print(g.__aiter__() is g, g.__name__, g.__qualname__, repr(g)[:28])
async def throw_into():
    try:
        await Y()
    except ZeroDivisionError:
        print("zde caught")
        raise KeyError("after")
t = throw_into()
t.send(None)
try: t.throw(ZeroDivisionError)
except KeyError as e: print("KE", repr(e), repr(e.__context__))
try: t.send(None)
except RuntimeError as e: print(e)
async def closer():
    try:
        await Y()
    finally:
        print("closer fin")
cc = closer(); cc.send(None); cc.close(); print(cc.cr_frame)
async def ignore():
    try:
        await Y()
    except GeneratorExit:
        await Y()
ig = ignore(); ig.send(None)
try: ig.close()
except RuntimeError as e: print(e)
del ig
print("end")
R = "\n".join(out)
"#;

const EXPECTED_2: &str = r#"Y
coroutine is being awaited already
w1 v
running True True
enter
body val
exit KeyError 'k'
after
done
x 0
fin 0
x 1
fin 1
fin 2
ok
after consume
Y True generator
val sent
cannot reuse already awaited __anext__()/asend()
tc
5
['tc']
object generator can't be used in 'await' expression
True ae ae <async_generator object ae a
zde caught
KE KeyError('after') ZeroDivisionError()
cannot reuse already awaited coroutine
closer fin
None
coroutine ignored GeneratorExit
end"#;

const PROGRAM_3: &str = r#"out = []
def print(*a):
    out.append(" ".join(str(x) for x in a))
def show(f):
    try:
        f()
    except BaseException as e:
        print("->", type(e).__name__, repr(e), [repr(x) for x in getattr(e, "exceptions", [])])
def a():
    try:
        raise ExceptionGroup("g", [ValueError(1), ExceptionGroup("n", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("v", repr(e))
    except* TypeError as e:
        print("t", repr(e))
show(a)
def b():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
show(b)
def c():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
show(c)
def d():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        raise KeyError("x") from None
show(d)
def e():
    try:
        raise KeyboardInterrupt
    except* Exception:
        print("no")
show(e)
def f():
    try:
        raise BaseExceptionGroup("bg", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError as e:
        print("f", repr(e), type(e).__name__)
show(f)
def g():
    try:
        pass
    except* ValueError:
        pass
    else:
        print("else")
    finally:
        print("finally")
show(g)
def h():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* int:
        pass
show(h)
def j():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise TypeError("new")
    except* TypeError as e:
        raise
show(j)
import sys
def k():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        print("exc_info", repr(sys.exc_info()[1]))
    print("after", sys.exc_info())
show(k)
def n():
    try:
        e = ExceptionGroup("g", [ValueError(1), TypeError(2)])
        e.add_note("note")
        raise e
    except* ValueError as e:
        raise
    except* TypeError as e:
        e.add_note("x")
        raise
show(n)
R = "\n".join(out)
"#;

const EXPECTED_3: &str = r#"v ExceptionGroup('g', [ValueError(1), ExceptionGroup('n', [ValueError(3)])])
t ExceptionGroup('g', [ExceptionGroup('n', [TypeError(2)])])
-> ExceptionGroup ExceptionGroup('g', [ValueError(1), TypeError(2)]) ['ValueError(1)', 'TypeError(2)']
-> ExceptionGroup ExceptionGroup('', [ExceptionGroup('g', [ValueError(1)]), ExceptionGroup('g', [TypeError(2)])]) ["ExceptionGroup('g', [ValueError(1)])", "ExceptionGroup('g', [TypeError(2)])"]
-> ExceptionGroup ExceptionGroup('', [KeyError('x')]) ["KeyError('x')"]
-> KeyboardInterrupt KeyboardInterrupt() []
f ExceptionGroup('bg', [ValueError(1)]) ExceptionGroup
-> BaseExceptionGroup BaseExceptionGroup('bg', [KeyboardInterrupt()]) ['KeyboardInterrupt()']
else
finally
-> TypeError TypeError('catching classes that do not inherit from BaseException is not allowed') []
-> ExceptionGroup ExceptionGroup('', [TypeError('new'), ExceptionGroup('g', [TypeError(2)])]) ["TypeError('new')", "ExceptionGroup('g', [TypeError(2)])"]
exc_info ExceptionGroup('g', [ValueError(1)])
after (None, None, None)
-> ExceptionGroup ExceptionGroup('g', [ValueError(1), TypeError(2)]) ['ValueError(1)', 'TypeError(2)']"#;

fn run(program: &str, expected: &str) {
    let code = taipan_vm::run::compile_source(program.as_bytes(), "<coro>").unwrap();
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
fn coroutines_and_except_star() {
    taipan_vm::interp::initialize().unwrap();
    run(PROGRAM_0, EXPECTED_0);
    run(PROGRAM_1, EXPECTED_1);
    run(PROGRAM_2, EXPECTED_2);
    run(PROGRAM_3, EXPECTED_3);
}
