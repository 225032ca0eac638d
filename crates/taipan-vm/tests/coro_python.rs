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
}
